// Troubleshooting: "expected 'true' in CORS header 'Access-Control-Allow-Credentials'" — the
// origin is right but credentials are not allowed.
import { Server } from "socket.io";
const io = new Server(3000, { cors: { origin: "https://app.example.com" } });
