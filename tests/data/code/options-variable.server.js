// The options built first, then passed; engine options next to cors.
const { Server } = require("socket.io");
const httpServer = require("http").createServer();

const options = {
  path: "/rt/",
  transports: ["websocket"],
  pingInterval: 10000,
  pingTimeout: 5000,
  maxHttpBufferSize: 1e7,
  connectTimeout: 10000,
  allowEIO3: true,
  cookie: { name: "io", httpOnly: true, sameSite: "strict" },
  cors: {
    origin: true,
    exposedHeaders: "x-request-id",
    maxAge: 600,
    optionsSuccessStatus: 200,
  },
};
const io = new Server(httpServer, options);
httpServer.listen(3000);
