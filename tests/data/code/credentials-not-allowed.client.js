// The page's origin: https://app.example.com
import { io } from "socket.io-client";
const socket = io("https://api.example.com", { withCredentials: true });
