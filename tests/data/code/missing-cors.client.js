// The page's origin: https://www.example.com
import { io } from "socket.io-client";
const socket = io("https://api.example.com");
