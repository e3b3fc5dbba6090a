import { createServer } from "http";
import { Server } from "socket.io";

const server = createServer();
// Any sub-domain of example.com, over https; the flag keeps the host case-insensitive.
const io = new Server(server, {
  cors: {
    origin: [/^https:\/\/([a-z0-9-]+\.)*example\.com$/i, "http://localhost:5173"],
  },
});
server.listen(3000);
