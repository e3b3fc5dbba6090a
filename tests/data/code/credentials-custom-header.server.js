// Cookies (withCredentials) and a custom request header: the server lists the header and
// allows credentials for one origin.
const { createServer } = require("http");
const httpServer = createServer();
const io = require("socket.io")(httpServer, {
  cors: {
    origin: "https://app.example.org",
    allowedHeaders: ["x-session-hint"],
    credentials: true,
  },
});
httpServer.listen(443);
