// An ordered JSON tree that remembers where each value stood in its file, plus its canonical
// writer.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>
#include <vector>

namespace corslab {

// 1-based line and column (columns count Unicode code points); 0 means "not from a file".
struct SourcePosition {
    int line = 0;
    int column = 0;
    friend bool operator==(const SourcePosition &, const SourcePosition &) = default;
};

class JsonNode {
public:
    enum class Type { Null, Bool, Number, String, Array, Object };
    struct Member;

    // Out of line: Member (which holds a JsonNode) is complete only after the class.
    JsonNode();
    ~JsonNode();
    JsonNode(const JsonNode &other);
    JsonNode(JsonNode &&other) noexcept;
    JsonNode &operator=(const JsonNode &other);
    JsonNode &operator=(JsonNode &&other) noexcept;

    static JsonNode fromBool(bool value);
    static JsonNode fromNumber(double value);
    static JsonNode fromString(const QString &value);
    static JsonNode makeArray(std::vector<JsonNode> items = {});
    static JsonNode makeObject();
    static JsonNode makeObject(std::vector<Member> members);

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isNumber() const { return m_type == Type::Number; }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    bool isObject() const { return m_type == Type::Object; }
    // A number without a fractional part that a double holds exactly (|n| <= 2^53).
    bool isInteger() const;

    bool toBool() const { return m_bool; }
    double toDouble() const { return m_number; }
    qint64 toInteger() const { return static_cast<qint64>(m_number); }
    const QString &toString() const { return m_string; }
    const std::vector<JsonNode> &items() const { return m_items; }
    const std::vector<Member> &members() const { return m_members; }
    std::vector<JsonNode> &items() { return m_items; }
    std::vector<Member> &members() { return m_members; }

    // First member with this key, or nullptr.
    const JsonNode *find(QStringView key) const;
    void append(JsonNode item) { m_items.push_back(std::move(item)); }
    void insert(const QString &key, JsonNode value);

    SourcePosition position() const { return m_position; }
    void setPosition(SourcePosition position) { m_position = position; }

    // "a string", "a number", "an object", ... for error messages.
    static QString typeName(Type type);
    QString typeName() const { return typeName(m_type); }

    // Deep equality of values; positions are ignored, member order is not.
    friend bool operator==(const JsonNode &a, const JsonNode &b);

private:
    Type m_type = Type::Null;
    bool m_bool = false;
    double m_number = 0;
    QString m_string;
    std::vector<JsonNode> m_items;
    std::vector<Member> m_members;
    SourcePosition m_position;
};

struct JsonNode::Member {
    QString key;
    SourcePosition keyPosition;
    JsonNode value;
    friend bool operator==(const Member &a, const Member &b)
    {
        return a.key == b.key && a.value == b.value;
    }
};

struct JsonSyntaxError {
    QString message;
    SourcePosition position;
};

struct JsonParseResult {
    std::optional<JsonNode> root;
    std::optional<JsonSyntaxError> error;
};

// RFC 8259 JSON from UTF-8 bytes, strictly (no comments, no trailing commas), bounded in depth.
// Duplicate keys are kept in order; deciding about them is the caller's business.
class JsonParser {
public:
    static constexpr int MaxDepth = 256;
    static JsonParseResult parse(QByteArrayView utf8);
};

// Canonical text: the layout of JSON.stringify(value, null, 2) plus a trailing newline.
class JsonWriter {
public:
    static QByteArray write(const JsonNode &root);
    // The number as JavaScript's Number.prototype.toString writes it (1e6 -> "1000000").
    static QByteArray formatNumber(double value);
    static void appendQuoted(QByteArray &out, const QString &text);
};

} // namespace corslab
