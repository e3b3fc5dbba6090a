// A page script: the socket to the page's own server, a token from storage, the DOM around it.
const socket = io(window.location.origin, {
  auth: { token: localStorage.getItem("token") },
  transports: ["websocket"],
});

const form = document.getElementById("chat");
form.addEventListener("submit", (event) => {
  event.preventDefault();
  socket.emit("chat message", form.elements.text.value);
});
socket.on("connect", () => socket.emit("ready"));
