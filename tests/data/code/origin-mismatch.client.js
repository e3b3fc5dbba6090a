// The page's origin: https://example.com
const { io } = require("socket.io-client");
const socket = io("https://ws.example.com");
