// The page's origin: https://console.example.com
import { io } from "socket.io-client";
const socket = io("https://rt.example.com/admin", { auth: { token: "t-1", role: "admin" } });
