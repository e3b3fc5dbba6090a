// Socket.IO protocol v5 packets as socket.io-parser 4.2.7 encodes and decodes them, and the
// JSON.parse / JSON.stringify they go through.
#pragma once

#include "profile/jsonnode.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace corslab {

// JSON.parse and JSON.stringify as V8 runs them, on JsonNode trees that stand for JavaScript
// values. Objects follow JavaScript property order: array-index keys ("0".."4294967294")
// first in ascending order, then the other keys in insertion order; a repeated key keeps its
// first place and its last value.
class JavaScriptJson {
public:
    // JSON.parse accepts any depth; CorsLab stops here to bound its stack (V8's JSON.stringify
    // itself fails past roughly 4,000 levels).
    static constexpr int MaxDepth = 1000;

    struct ParseResult {
        enum class Status { Ok, SyntaxError, TooDeep };
        Status status = Status::Ok;
        JsonNode value;
        QString errorString; // what is wrong and at which UTF-16 offset
        bool isOk() const { return status == Status::Ok; }
    };

    // JSON.parse(text) on a JS string: only tab, LF, CR and space count as white space, lone
    // surrogates are kept, numbers out of range become +-Infinity.
    static ParseResult parse(QStringView text);
    // JSON.stringify(value): compact, non-finite numbers as null, strings escaped as ES2019
    // well-formed JSON.stringify does (lone surrogates as \udxxx).
    static QString stringify(const JsonNode &value);
    // A key that JavaScript orders as an array index.
    static bool isArrayIndex(QStringView key);
};

class SocketIoPacket {
public:
    // socket.io-parser PacketType
    enum class Type {
        Connect = 0,
        Disconnect = 1,
        Event = 2,
        Ack = 3,
        ConnectError = 4,
        BinaryEvent = 5,
        BinaryAck = 6
    };

    SocketIoPacket() = default;
    explicit SocketIoPacket(Type type, const QString &nsp = QStringLiteral("/"),
        std::optional<JsonNode> data = std::nullopt, std::optional<double> id = std::nullopt);

    Type type() const { return m_type; }
    void setType(Type type) { m_type = type; }
    const QString &nsp() const { return m_nsp; }
    void setNsp(const QString &nsp) { m_nsp = nsp; }
    // The ack id. A double because the decoder takes it with Number(): it can be NaN
    // ("2 1 2[...]"), 0 for white space ("2 [...]"), or beyond 2^53.
    std::optional<double> id() const { return m_id; }
    void setId(std::optional<double> id) { m_id = id; }
    // The JSON payload; nullopt when absent (JS undefined), JsonNode() for JSON null.
    const std::optional<JsonNode> &data() const { return m_data; }
    void setData(std::optional<JsonNode> data) { m_data = std::move(data); }

    // Binary attachments. In a decoded binary packet and in one to encode, each binary value
    // of the payload is a placeholder object {"_placeholder":true,"num":n} standing for
    // attachments()[n], as on the wire; see attachmentIndex().
    const std::vector<QByteArray> &attachments() const { return m_attachments; }
    void setAttachments(std::vector<QByteArray> attachments)
    {
        m_attachments = std::move(attachments);
    }

    // Encoder.encode: the text packet; the attachments follow it as binary Engine.IO messages.
    // An Event/Ack with attachments is sent as BinaryEvent/BinaryAck ("5<n>-", n = number of
    // attachments, also for a packet typed BinaryEvent/BinaryAck); the namespace
    // is omitted when it is "/" or empty; the id as JS String(id); the payload via
    // JSON.stringify, unless it is absent or null.
    QString encode() const;

    // {"_placeholder":true,"num":num}: what deconstructPacket puts where a binary value was.
    static JsonNode placeholder(int num);
    // Whether reconstructPacket replaces this node: an object whose "_placeholder" is true.
    static bool isPlaceholder(const JsonNode &node);
    // For a placeholder of a decoded packet, the attachment it stands for; nullopt when its
    // "num" is not a whole number, which JavaScript resolves to undefined (buffers[1.5]).
    // Placeholders are only resolved in packets that have attachments, and not inside another
    // placeholder.
    static std::optional<qsizetype> attachmentIndex(const JsonNode &node);

    // "CONNECT", "EVENT", ... (socket.io-parser PacketType names)
    static QString typeName(Type type);

    friend bool operator==(const SocketIoPacket &a, const SocketIoPacket &b);

private:
    Type m_type = Type::Event;
    QString m_nsp = QStringLiteral("/");
    std::optional<double> m_id;
    std::optional<JsonNode> m_data;
    std::vector<QByteArray> m_attachments;
};

struct SocketIoDecodeError {
    enum class Kind {
        UnknownPacketType, // "unknown packet type 7"
        IllegalAttachments, // "Illegal attachments": count not an integer >= 1, or no "-"
        TooManyAttachments, // "too many attachments": count > maxAttachments
        InvalidPayload, // "invalid payload": bad JSON or wrong payload for the type
        PlaintextWhileReconstructing, // "got plaintext data when reconstructing a packet"
        BinaryWhileNotReconstructing, // "got binary data when not reconstructing a packet"
        IllegalPlaceholder, // "illegal attachments": placeholder num out of range
        JsonTooDeep, // CorsLab's limit (JavaScriptJson::MaxDepth); socket.io has none
    };
    Kind kind = Kind::InvalidPayload;
    QString message; // the Error message socket.io-parser throws, verbatim
    QString detail; // why, in words, naming the place
};

struct SocketIoDecodeResult {
    enum class Status {
        Decoded, // packet is complete
        AwaitingAttachments, // packet holds the header of a binary packet; more binary needed
        Failed, // error says why; socket.io closes the connection
    };
    Status status = Status::Failed;
    std::optional<SocketIoPacket> packet;
    int missingAttachments = 0;
    std::optional<SocketIoDecodeError> error;
};

// socket.io-parser's Decoder: fed one Engine.IO message at a time (text or binary), it returns
// complete packets. Binary packets come out as Event/Ack (as the real decoder turns them)
// with their attachments. State after an error mirrors the real one: a bad placeholder leaves
// the decoder stuck in reconstruction until reset() (socket.io closes the connection anyway).
class SocketIoDecoder {
public:
    // socket.io-parser >= 4.2.6 Decoder option maxAttachments; socket.io leaves the default.
    static constexpr int DefaultMaxAttachments = 10;

    explicit SocketIoDecoder(int maxAttachments = DefaultMaxAttachments);

    SocketIoDecodeResult add(QStringView text);
    SocketIoDecodeResult add(const QByteArray &binary);
    bool isReconstructing() const { return m_reconstructing; }
    // Decoder.destroy()
    void reset();

private:
    int m_maxAttachments;
    bool m_reconstructing = false;
    int m_expected = 0;
    SocketIoPacket m_pending;
    std::vector<QByteArray> m_buffers;
};

} // namespace corslab
