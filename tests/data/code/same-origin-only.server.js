// Refuse every cross-origin request: only requests without an Origin header get through.
import { Server } from "socket.io";

const io = new Server(4000, {
  allowRequest: (req, callback) => {
    const fromOtherSite = req.headers.origin !== undefined;
    callback(null, !fromOtherSite);
  },
});
