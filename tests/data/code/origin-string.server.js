// The page on https://example.com talks to a server on another origin.
import { createServer } from "http";
import { Server } from "socket.io";

const httpServer = createServer();
const io = new Server(httpServer, {
  cors: {
    origin: "https://example.com"
  }
});

httpServer.listen(3000);
