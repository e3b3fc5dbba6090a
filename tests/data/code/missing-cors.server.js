// Troubleshooting: "CORS header 'Access-Control-Allow-Origin' missing" — no cors option at all,
// so Socket.IO (since v3) sends no CORS header.
import { createServer } from "http";
import { Server } from "socket.io";

const httpServer = createServer();
const io = new Server(httpServer);
httpServer.listen(3000);
