// The npm cors middleware on Express covers the Express routes; Socket.IO needs its own option.
const express = require("express");
const cors = require("cors");
const { createServer } = require("http");
const { Server } = require("socket.io");

const app = express();
app.use(cors({ origin: "https://front.example.io" }));
app.get("/health", (req, res) => res.send("ok"));

const server = createServer(app);
const io = new Server(server, {
  cors: { origin: "https://front.example.io", methods: ["GET", "POST"] },
});
server.listen(8080);
