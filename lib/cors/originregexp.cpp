// A JavaScript RegExp as the cors package uses it for origins, and a QJSEngine-backed compiler.
#include "originregexp.h"

#include <QJSEngine>
#include <QJSValue>

namespace corslab {

QString OriginRegExp::toString() const
{
    return QLatin1Char('/') + source() + QLatin1Char('/') + flags();
}

bool OriginRegExp::isStateful() const
{
    const QString f = flags();
    return f.contains(QLatin1Char('g')) || f.contains(QLatin1Char('y'));
}

namespace {

// ECMAScript dotAll: "." matches every code unit (every code point with u), which is what
// [\s\S] matches. Escapes and character classes are copied as they are.
QString rewriteDotAll(const QString &source)
{
    QString out;
    out.reserve(source.size() + 16);
    bool inClass = false;
    for (qsizetype i = 0; i < source.size(); ++i) {
        const QChar c = source.at(i);
        if (c == QLatin1Char('\\') && i + 1 < source.size()) {
            out += c;
            out += source.at(++i);
        } else if (inClass) {
            inClass = c != QLatin1Char(']');
            out += c;
        } else if (c == QLatin1Char('[')) {
            inClass = true;
            out += c;
        } else if (c == QLatin1Char('.')) {
            out += QLatin1String("[\\s\\S]");
        } else {
            out += c;
        }
    }
    return out;
}

class JsOriginRegExp final : public OriginRegExp {
public:
    JsOriginRegExp(std::shared_ptr<QJSEngine> engine, QJSValue object, RegexPattern pattern)
        : m_engine(std::move(engine))
        , m_object(std::move(object))
        , m_test(m_object.property(QStringLiteral("test")))
        , m_pattern(std::move(pattern))
    { }

    bool test(const QString &input) override
    {
        return m_test.callWithInstance(m_object, {input}).toBool();
    }
    QString source() const override { return m_pattern.source; }
    QString flags() const override { return m_pattern.flags; }

private:
    std::shared_ptr<QJSEngine> m_engine; // declared first: the values below die before it
    QJSValue m_object;
    QJSValue m_test;
    RegexPattern m_pattern;
};

struct JsEngineHolder {
    std::shared_ptr<QJSEngine> engine;
    QJSValue construct;
};

} // namespace

RegExpCompiler jsRegExpCompiler()
{
    auto holder = std::make_shared<JsEngineHolder>();
    return [holder](const RegexPattern &pattern) -> CompiledRegExp {
        if (!holder->engine) {
            holder->engine = std::make_shared<QJSEngine>();
            holder->construct = holder->engine->evaluate(
                QStringLiteral("(function (source, flags) { return new RegExp(source, flags); })"));
        }
        QString source = pattern.source;
        QString flags = pattern.flags;
        flags.remove(QLatin1Char('d'));
        if (flags.contains(QLatin1Char('s'))) {
            flags.remove(QLatin1Char('s'));
            source = rewriteDotAll(source);
        }
        const QJSValue object = holder->construct.call({source, flags});
        if (object.isError())
            return {nullptr, object.toString()};
        return {std::make_shared<JsOriginRegExp>(holder->engine, object, pattern), QString()};
    };
}

} // namespace corslab
