// The allowed origin comes from the environment, with a default for development.
import { Server } from "socket.io";

const io = new Server(Number(process.env.PORT) || 3000, {
  cors: { origin: process.env.CLIENT_URL || "http://localhost:5173", credentials: true },
});
