import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "https://console.example.com" } });

io.use((socket, next) => {
  if (socket.handshake.auth.token) next();
  else next(new Error("no token"));
});

io.of("/admin").use(function (socket, next) {
  next(socket.handshake.auth.role === "admin" ? undefined : new Error("admins only"));
});
io.of("/chat").on("connection", (socket) => socket.join("lobby"));
