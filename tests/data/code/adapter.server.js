// A Redis adapter next to cors: the adapter is infrastructure CorsLab does not run.
const { Server } = require("socket.io");
const { createAdapter } = require("@socket.io/redis-adapter");
const { createClient } = require("redis");

const pubClient = createClient({ url: "redis://localhost:6379" });
const subClient = pubClient.duplicate();

const io = new Server({
  adapter: createAdapter(pubClient, subClient),
  cors: { origin: "https://chat.example.com" },
});
io.listen(3000);
