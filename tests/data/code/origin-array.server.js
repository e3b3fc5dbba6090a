const { Server } = require("socket.io");

// Production and staging front ends may both connect.
const allowedOrigins = ["https://shop.example.net", "https://staging.shop.example.net"];

const io = new Server({
  cors: {
    origin: allowedOrigins,
    methods: ["GET", "POST"],
  },
});
io.listen(5000);
