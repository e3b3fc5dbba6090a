// Troubleshooting: "CORS header 'Access-Control-Allow-Origin' does not match" — the server
// allows the http origin, the page is served over https.
const io = require("socket.io")(3000, {
  cors: { origin: "http://example.com" },
});
