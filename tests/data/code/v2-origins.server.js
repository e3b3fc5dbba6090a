// A Socket.IO 2 option that version 3 removed: Socket.IO 4 ignores it, so no CORS header.
const io = require("socket.io")(3000, {
  origins: ["https://example.com"],
});
