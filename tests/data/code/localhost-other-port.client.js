// The page's origin: http://localhost:8080
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");
socket.on("connect", () => {
  socket.emit("hello", { from: "dev server" });
});
