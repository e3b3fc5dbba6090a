// The page's origin: https://app.example.org
import { io } from "socket.io-client";

const socket = io("https://realtime.example.org", {
  withCredentials: true,
  extraHeaders: {
    "x-session-hint": "42",
  },
});
