// Troubleshooting: "Credential is not supported if the CORS header 'Access-Control-Allow-Origin'
// is '*'" — the server allows any origin and the page sends cookies.
import { Server } from "socket.io";
const io = new Server(3000, {
  cors: { origin: "*" },
});
