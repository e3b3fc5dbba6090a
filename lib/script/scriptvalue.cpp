// Helpers of the values that come out of the script sandbox.
#include "scriptvalue.h"

namespace corslab {

ScriptValue ScriptValue::fromString(const QString &text)
{
    ScriptValue value;
    value.type = Type::String;
    value.truthy = !text.isEmpty();
    value.text = text;
    value.json = JsonNode::fromString(text);
    return value;
}

QString ScriptValue::typeName(Type type)
{
    switch (type) {
    case Type::Undefined:
        return QStringLiteral("undefined");
    case Type::Null:
        return QStringLiteral("null");
    case Type::Boolean:
        return QStringLiteral("boolean");
    case Type::Number:
        return QStringLiteral("number");
    case Type::String:
        return QStringLiteral("string");
    case Type::Symbol:
        return QStringLiteral("symbol");
    case Type::Function:
        return QStringLiteral("function");
    case Type::Array:
        return QStringLiteral("array");
    case Type::RegExp:
        return QStringLiteral("regexp");
    case Type::Error:
        return QStringLiteral("error");
    case Type::Object:
        return QStringLiteral("object");
    }
    return {};
}

} // namespace corslab
