// The page is served by the Socket.IO server itself: no URL, only a namespace.
import { io } from "socket.io-client";

const socket = io("/admin", {
  path: "/rt/",
  transports: ["polling"],
  query: { room: "7" },
});
socket.on("connect", () => {
  socket.emit("join", "room-7", (reply) => console.log(reply));
});
