// Two ports on localhost are two origins: the dev server on 8080 needs CORS too.
import { createServer } from "node:http";
import { Server } from "socket.io";

const httpServer = createServer();
const io = new Server(httpServer, {
  cors: { origin: "http://localhost:8080" },
});

httpServer.listen(3000);
