const http = require("http");
const { Server } = require("socket.io");

const server = http.createServer();
const io = new Server(server, {
  cors: {
    origin: function (origin, callback) {
      const trusted = ["https://a.example", "https://b.example"];
      // no Origin header: not a browser, let it through
      if (!origin || trusted.indexOf(origin) !== -1) return callback(null, true);
      callback(new Error(`origin ${origin} is not trusted`));
    },
    credentials: true,
  },
});
server.listen(process.env.PORT || 3000);
