// Rewrites ES2018+ RegExp syntax into the ES2017 subset QJSEngine 6.4 runs, with V8's messages.
#include "regextranslation.h"

#include <QChar>
#include <QSet>

#include <array>
#include <utility>
#include <vector>

namespace corslab {

namespace {

constexpr char32_t MaxCodePoint = 0x10FFFF;
constexpr int MaxGroupDepth = 1000;
using Ranges = std::vector<std::pair<char32_t, char32_t>>;

// QChar::Category values as bits; Qt's enum order is fixed (Mn = 0 ... Po = 29).
constexpr quint32 bit(QChar::Category c)
{
    return quint32(1) << static_cast<int>(c);
}

constexpr quint32 Lu = bit(QChar::Letter_Uppercase), Ll = bit(QChar::Letter_Lowercase),
                  Lt = bit(QChar::Letter_Titlecase), Lm = bit(QChar::Letter_Modifier),
                  Lo = bit(QChar::Letter_Other), Mn = bit(QChar::Mark_NonSpacing),
                  Mc = bit(QChar::Mark_SpacingCombining), Me = bit(QChar::Mark_Enclosing),
                  Nd = bit(QChar::Number_DecimalDigit), Nl = bit(QChar::Number_Letter),
                  No = bit(QChar::Number_Other), Pc = bit(QChar::Punctuation_Connector),
                  Pd = bit(QChar::Punctuation_Dash), Ps = bit(QChar::Punctuation_Open),
                  Pe = bit(QChar::Punctuation_Close), Pi = bit(QChar::Punctuation_InitialQuote),
                  Pf = bit(QChar::Punctuation_FinalQuote), Po = bit(QChar::Punctuation_Other),
                  Sm = bit(QChar::Symbol_Math), Sc = bit(QChar::Symbol_Currency),
                  Sk = bit(QChar::Symbol_Modifier), So = bit(QChar::Symbol_Other),
                  Zs = bit(QChar::Separator_Space), Zl = bit(QChar::Separator_Line),
                  Zp = bit(QChar::Separator_Paragraph), Cc = bit(QChar::Other_Control),
                  Cf = bit(QChar::Other_Format), Cs = bit(QChar::Other_Surrogate),
                  Co = bit(QChar::Other_PrivateUse), Cn = bit(QChar::Other_NotAssigned);

struct GeneralCategory {
    std::array<const char *, 3> names; // ECMA-262 table 68: every alias in PropertyValueAliases
    quint32 mask;
};

// ECMA-262 §22.2.2.9 UnicodeMatchPropertyValue: the values of General_Category and their
// aliases, spelled exactly (no loose matching).
constexpr std::array<GeneralCategory, 38> generalCategories = {{
    {{"L", "Letter", nullptr}, Lu | Ll | Lt | Lm | Lo},
    {{"LC", "Cased_Letter", nullptr}, Lu | Ll | Lt},
    {{"Lu", "Uppercase_Letter", nullptr}, Lu},
    {{"Ll", "Lowercase_Letter", nullptr}, Ll},
    {{"Lt", "Titlecase_Letter", nullptr}, Lt},
    {{"Lm", "Modifier_Letter", nullptr}, Lm},
    {{"Lo", "Other_Letter", nullptr}, Lo},
    {{"M", "Mark", "Combining_Mark"}, Mn | Mc | Me},
    {{"Mn", "Nonspacing_Mark", nullptr}, Mn},
    {{"Mc", "Spacing_Mark", nullptr}, Mc},
    {{"Me", "Enclosing_Mark", nullptr}, Me},
    {{"N", "Number", nullptr}, Nd | Nl | No},
    {{"Nd", "Decimal_Number", "digit"}, Nd},
    {{"Nl", "Letter_Number", nullptr}, Nl},
    {{"No", "Other_Number", nullptr}, No},
    {{"P", "Punctuation", "punct"}, Pc | Pd | Ps | Pe | Pi | Pf | Po},
    {{"Pc", "Connector_Punctuation", nullptr}, Pc},
    {{"Pd", "Dash_Punctuation", nullptr}, Pd},
    {{"Ps", "Open_Punctuation", nullptr}, Ps},
    {{"Pe", "Close_Punctuation", nullptr}, Pe},
    {{"Pi", "Initial_Punctuation", nullptr}, Pi},
    {{"Pf", "Final_Punctuation", nullptr}, Pf},
    {{"Po", "Other_Punctuation", nullptr}, Po},
    {{"S", "Symbol", nullptr}, Sm | Sc | Sk | So},
    {{"Sm", "Math_Symbol", nullptr}, Sm},
    {{"Sc", "Currency_Symbol", nullptr}, Sc},
    {{"Sk", "Modifier_Symbol", nullptr}, Sk},
    {{"So", "Other_Symbol", nullptr}, So},
    {{"Z", "Separator", nullptr}, Zs | Zl | Zp},
    {{"Zs", "Space_Separator", nullptr}, Zs},
    {{"Zl", "Line_Separator", nullptr}, Zl},
    {{"Zp", "Paragraph_Separator", nullptr}, Zp},
    {{"C", "Other", nullptr}, Cc | Cf | Cs | Co | Cn},
    {{"Cc", "Control", "cntrl"}, Cc},
    {{"Cf", "Format", nullptr}, Cf},
    {{"Cs", "Surrogate", nullptr}, Cs},
    {{"Co", "Private_Use", nullptr}, Co},
    {{"Cn", "Unassigned", nullptr}, Cn},
}};

// Binary properties whose code points are a short fixed list (PropList.txt, unchanged since
// Unicode 14), plus the three ECMA-262 defines itself (Any, ASCII, Assigned).
struct FixedProperty {
    const char *name;
    const char *alias;
    Ranges ranges;
};

const std::vector<FixedProperty> &fixedProperties()
{
    static const std::vector<FixedProperty> table = {
        {"Any", nullptr, {{0, MaxCodePoint}}},
        {"ASCII", nullptr, {{0, 0x7F}}},
        {"ASCII_Hex_Digit", "AHex", {{0x30, 0x39}, {0x41, 0x46}, {0x61, 0x66}}},
        {"Hex_Digit", "Hex",
            {{0x30, 0x39}, {0x41, 0x46}, {0x61, 0x66}, {0xFF10, 0xFF19}, {0xFF21, 0xFF26},
                {0xFF41, 0xFF46}}},
        {"White_Space", "space",
            {{0x09, 0x0D}, {0x20, 0x20}, {0x85, 0x85}, {0xA0, 0xA0}, {0x1680, 0x1680},
                {0x2000, 0x200A}, {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F},
                {0x3000, 0x3000}}},
        {"Join_Control", "Join_C", {{0x200C, 0x200D}}},
        {"Pattern_White_Space", "Pat_WS",
            {{0x09, 0x0D}, {0x20, 0x20}, {0x85, 0x85}, {0x200E, 0x200F}, {0x2028, 0x2029}}},
        {"Regional_Indicator", "RI", {{0x1F1E6, 0x1F1FF}}},
        {"Bidi_Control", "Bidi_C",
            {{0x061C, 0x061C}, {0x200E, 0x200F}, {0x202A, 0x202E}, {0x2066, 0x2069}}},
        {"Variation_Selector", "VS",
            {{0x180B, 0x180D}, {0x180F, 0x180F}, {0xFE00, 0xFE0F}, {0xE0100, 0xE01EF}}},
        {"Noncharacter_Code_Point", "NChar",
            {{0xFDD0, 0xFDEF}, {0xFFFE, 0xFFFF}, {0x1FFFE, 0x1FFFF}, {0x2FFFE, 0x2FFFF},
                {0x3FFFE, 0x3FFFF}, {0x4FFFE, 0x4FFFF}, {0x5FFFE, 0x5FFFF}, {0x6FFFE, 0x6FFFF},
                {0x7FFFE, 0x7FFFF}, {0x8FFFE, 0x8FFFF}, {0x9FFFE, 0x9FFFF}, {0xAFFFE, 0xAFFFF},
                {0xBFFFE, 0xBFFFF}, {0xCFFFE, 0xCFFFF}, {0xDFFFE, 0xDFFFF}, {0xEFFFE, 0xEFFFF},
                {0xFFFFE, 0xFFFFF}, {0x10FFFE, 0x10FFFF}}},
    };
    return table;
}

// The other binary properties of ECMA-262 table 69: valid in Node, but Qt has no table for them.
const QSet<QString> &otherBinaryProperties()
{
    static const QSet<QString> names = [] {
        QSet<QString> set;
        for (const char *name : {"Alphabetic", "Alpha", "Bidi_Mirrored", "Bidi_M", "Case_Ignorable",
                 "CI", "Cased", "Changes_When_Casefolded", "CWCF", "Changes_When_Casemapped",
                 "CWCM", "Changes_When_Lowercased", "CWL", "Changes_When_NFKC_Casefolded", "CWKCF",
                 "Changes_When_Titlecased", "CWT", "Changes_When_Uppercased", "CWU", "Dash",
                 "Default_Ignorable_Code_Point", "DI", "Deprecated", "Dep", "Diacritic", "Dia",
                 "Emoji", "Emoji_Component", "EComp", "Emoji_Modifier", "EMod",
                 "Emoji_Modifier_Base", "EBase", "Emoji_Presentation", "EPres",
                 "Extended_Pictographic", "ExtPict", "Extender", "Ext", "Grapheme_Base", "Gr_Base",
                 "Grapheme_Extend", "Gr_Ext", "IDS_Binary_Operator", "IDSB", "IDS_Trinary_Operator",
                 "IDST", "ID_Continue", "IDC", "ID_Start", "IDS", "Ideographic", "Ideo",
                 "Logical_Order_Exception", "LOE", "Lowercase", "Lower", "Math", "Pattern_Syntax",
                 "Pat_Syn", "Quotation_Mark", "QMark", "Radical", "Sentence_Terminal", "STerm",
                 "Soft_Dotted", "SD", "Terminal_Punctuation", "Term", "Unified_Ideograph", "UIdeo",
                 "Uppercase", "Upper", "XID_Continue", "XIDC", "XID_Start", "XIDS"})
            set.insert(QLatin1String(name));
        return set;
    }();
    return names;
}

Ranges rangesOfCategories(quint32 mask)
{
    Ranges out;
    for (char32_t c = 0; c <= MaxCodePoint; ++c) {
        if (!(mask & bit(QChar::category(c))))
            continue;
        if (!out.empty() && out.back().second + 1 == c)
            out.back().second = c;
        else
            out.emplace_back(c, c);
    }
    return out;
}

Ranges complement(const Ranges &ranges)
{
    Ranges out;
    char32_t next = 0;
    for (const auto &[first, last] : ranges) {
        if (first > next)
            out.emplace_back(next, first - 1);
        next = last + 1;
    }
    if (next <= MaxCodePoint)
        out.emplace_back(next, MaxCodePoint);
    return out;
}

QString codePointEscape(char32_t c)
{
    return QStringLiteral("\\u{") + QString::number(c, 16).toUpper() + QLatin1Char('}');
}

QString classBody(const Ranges &ranges)
{
    QString out;
    for (const auto &[first, last] : ranges) {
        out += codePointEscape(first);
        if (last != first)
            out += QLatin1Char('-') + codePointEscape(last);
    }
    return out;
}

struct PropertyLookup {
    Ranges ranges;
    QString error; // V8's "Invalid property name" or why CorsLab cannot
    bool unsupported = false;
};

PropertyLookup generalCategory(const QString &value)
{
    for (const GeneralCategory &gc : generalCategories) {
        for (const char *name : gc.names) {
            if (name && value == QLatin1String(name))
                return {rangesOfCategories(gc.mask), {}, false};
        }
    }
    return {{}, QStringLiteral("Invalid property name"), false};
}

// ECMA-262 §22.2.2.9 CharacterClassEscape :: p{ UnicodePropertyValueExpression }
PropertyLookup unicodeProperty(const QString &expression)
{
    const qsizetype eq = expression.indexOf(QLatin1Char('='));
    if (eq >= 0) {
        const QString name = expression.left(eq);
        const QString value = expression.mid(eq + 1);
        if (name == QLatin1String("General_Category") || name == QLatin1String("gc"))
            return generalCategory(value);
        if (name == QLatin1String("Script") || name == QLatin1String("sc")
            || name == QLatin1String("Script_Extensions") || name == QLatin1String("scx"))
            return {{},
                QStringLiteral("\\p{%1} (Unicode scripts) is not supported by CorsLab's "
                               "JavaScript engine (QJSEngine 6.4); Node supports it")
                    .arg(expression),
                true};
        return {{}, QStringLiteral("Invalid property name"), false};
    }
    PropertyLookup lookup = generalCategory(expression);
    if (lookup.error.isEmpty())
        return lookup;
    if (expression == QLatin1String("Assigned"))
        return {complement(rangesOfCategories(Cn)), {}, false};
    for (const FixedProperty &p : fixedProperties()) {
        if (expression == QLatin1String(p.name)
            || (p.alias && expression == QLatin1String(p.alias)))
            return {p.ranges, {}, false};
    }
    if (otherBinaryProperties().contains(expression))
        return {{},
            QStringLiteral("\\p{%1} is not supported by CorsLab's JavaScript engine "
                           "(QJSEngine 6.4); Node supports it")
                .arg(expression),
            true};
    return {{}, QStringLiteral("Invalid property name"), false};
}

// How V8 shows a pattern in its messages: RegExp.prototype.source (ECMA-262 §22.2.6.13.1
// EscapeRegExpPattern): "/" outside a class and line terminators escaped, "(?:)" when empty.
QString displaySource(const QString &source)
{
    if (source.isEmpty())
        return QStringLiteral("(?:)");
    QString out;
    bool inClass = false;
    for (qsizetype i = 0; i < source.size(); ++i) {
        const QChar c = source.at(i);
        if (c == QLatin1Char('\\') && i + 1 < source.size()) {
            out += c;
            out += source.at(++i);
            continue;
        }
        if (c == QLatin1Char('['))
            inClass = true;
        else if (c == QLatin1Char(']'))
            inClass = false;
        if (c == QLatin1Char('/') && !inClass)
            out += QStringLiteral("\\/");
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\r'))
            out += QStringLiteral("\\r");
        else if (c == QChar(0x2028))
            out += QStringLiteral("\\u2028");
        else if (c == QChar(0x2029))
            out += QStringLiteral("\\u2029");
        else
            out += c;
    }
    return out;
}

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// Length of a quantifier {n}, {n,} or {n,m} starting at `at`, or 0.
qsizetype braceQuantifierLength(const QString &s, qsizetype at)
{
    qsizetype i = at + 1;
    const qsizetype digitsStart = i;
    while (i < s.size() && isDigit(s.at(i)))
        ++i;
    if (i == digitsStart)
        return 0;
    if (i < s.size() && s.at(i) == QLatin1Char(',')) {
        ++i;
        while (i < s.size() && isDigit(s.at(i)))
            ++i;
    }
    if (i < s.size() && s.at(i) == QLatin1Char('}'))
        return i + 1 - at;
    return 0;
}

// The names of (?<name>...) groups, in order.
QStringList groupNames(const QString &s)
{
    QStringList names;
    bool inClass = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('\\')) {
            ++i;
        } else if (inClass) {
            inClass = c != QLatin1Char(']');
        } else if (c == QLatin1Char('[')) {
            inClass = true;
        } else if (s.mid(i, 3) == QLatin1String("(?<") && i + 3 < s.size()
            && s.at(i + 3) != QLatin1Char('=') && s.at(i + 3) != QLatin1Char('!')) {
            const qsizetype close = s.indexOf(QLatin1Char('>'), i + 3);
            if (close > 0)
                names << s.mid(i + 3, close - i - 3);
        }
    }
    return names;
}

} // namespace

QString RegexTranslation::display(const QString &source, const QString &flags)
{
    return QLatin1Char('/') + displaySource(source) + QLatin1Char('/') + flags;
}

RegexTranslation RegexTranslation::translate(const QString &source, const QString &flags)
{
    RegexTranslation out;

    // ECMA-262 §22.2.3.1 RegExpInitialize step 4: flags are "dgimsuyv", each at most once, and
    // never u with v.
    static const QString knownFlags = QStringLiteral("dgimsuyv");
    bool badFlags = flags.contains(QLatin1Char('u')) && flags.contains(QLatin1Char('v'));
    for (qsizetype i = 0; i < flags.size(); ++i) {
        if (!knownFlags.contains(flags.at(i)) || flags.indexOf(flags.at(i)) != i)
            badFlags = true;
    }
    if (badFlags) {
        out.error = QStringLiteral("Invalid flags supplied to RegExp constructor '%1'").arg(flags);
        return out;
    }
    const QString prefix = QStringLiteral("Invalid regular expression: ") + display(source, flags)
        + QStringLiteral(": ");
    auto fail = [&](const QString &message, bool unsupported) {
        out.error = prefix + message;
        out.unsupported = unsupported;
        out.source.clear();
        out.flags.clear();
        return out;
    };
    if (flags.contains(QLatin1Char('v')))
        return fail(QStringLiteral("the v flag (unicodeSets) is not supported by CorsLab's "
                                   "JavaScript engine (QJSEngine 6.4); Node supports it"),
            true);

    const bool unicode = flags.contains(QLatin1Char('u'));
    const bool dotAll = flags.contains(QLatin1Char('s'));
    for (const QChar f : flags) {
        if (f != QLatin1Char('d') && f != QLatin1Char('s'))
            out.flags += f;
    }

    const QStringList names = groupNames(source);
    // Without u and without named groups, \k is an identity escape (ECMA-262 Annex B.1.2).
    const bool namedReferences = unicode || !names.isEmpty();

    bool inClass = false;
    int depth = 0;
    const qsizetype n = source.size();
    for (qsizetype i = 0; i < n;) {
        const QChar c = source.at(i);
        if (c == QLatin1Char('\\')) {
            if (i + 1 >= n)
                return fail(QStringLiteral("\\ at end of pattern"), false);
            const QChar d = source.at(i + 1);
            if (unicode && (d == QLatin1Char('p') || d == QLatin1Char('P'))) {
                const qsizetype close = source.indexOf(QLatin1Char('}'), i + 2);
                if (i + 2 >= n || source.at(i + 2) != QLatin1Char('{') || close < 0)
                    return fail(QStringLiteral("Invalid property name"), false);
                const PropertyLookup lookup = unicodeProperty(source.mid(i + 3, close - (i + 3)));
                if (!lookup.error.isEmpty())
                    return fail(lookup.error, lookup.unsupported);
                // \P is the complement as a positive class: [^\p{..}] differs under the i
                // flag (ECMA-262 §22.2.2.9.3 CharacterClassEscape vs a negated class).
                const Ranges ranges
                    = d == QLatin1Char('P') ? complement(lookup.ranges) : lookup.ranges;
                out.source += inClass
                    ? classBody(ranges)
                    : QString(QLatin1Char('[') + classBody(ranges) + QLatin1Char(']'));
                i = close + 1;
                continue;
            }
            if (d == QLatin1Char('k') && namedReferences) {
                const qsizetype close = source.indexOf(QLatin1Char('>'), i + 2);
                if (i + 2 >= n || source.at(i + 2) != QLatin1Char('<') || close < 0)
                    return fail(QStringLiteral("Invalid named reference"), false);
                if (!names.contains(source.mid(i + 3, close - (i + 3))))
                    return fail(QStringLiteral("Invalid named capture referenced"), false);
                out.source += source.mid(i, close + 1 - i);
                i = close + 1;
                continue;
            }
            if (unicode && d == QLatin1Char('u') && i + 2 < n
                && source.at(i + 2) == QLatin1Char('{')) {
                // \u{...}: its braces are not a quantifier.
                const qsizetype close = source.indexOf(QLatin1Char('}'), i + 3);
                const qsizetype end = close < 0 ? n : close + 1;
                out.source += source.mid(i, end - i);
                i = end;
                continue;
            }
            out.source += c;
            out.source += d;
            i += 2;
            continue;
        }
        if (inClass) {
            inClass = c != QLatin1Char(']');
            out.source += c;
            ++i;
            continue;
        }
        if (c == QLatin1Char('[')) {
            inClass = true;
        } else if (c == QLatin1Char('.') && dotAll) {
            out.source += QStringLiteral("[^]");
            ++i;
            continue;
        } else if (c == QLatin1Char('(')) {
            if (source.mid(i, 4) == QLatin1String("(?<=")
                || source.mid(i, 4) == QLatin1String("(?<!"))
                return fail(QStringLiteral("lookbehind assertions ((?<=...) and (?<!...)) are not "
                                           "supported by CorsLab's JavaScript engine (QJSEngine "
                                           "6.4); Node supports them"),
                    true);
            // Yarr parses groups recursively without a stack check.
            if (++depth > MaxGroupDepth)
                return fail(QStringLiteral("groups nested more than %1 deep are not supported by "
                                           "CorsLab's JavaScript engine (QJSEngine 6.4)")
                                .arg(MaxGroupDepth),
                    true);
        } else if (c == QLatin1Char(')')) {
            if (--depth < 0)
                return fail(QStringLiteral("Unmatched ')'"), false);
        } else if (unicode && c == QLatin1Char('{')) {
            // ECMA-262 §22.2.1: with u, a brace is only ever a quantifier.
            const qsizetype length = braceQuantifierLength(source, i);
            if (length == 0)
                return fail(QStringLiteral("Lone quantifier brackets"), false);
            out.source += source.mid(i, length);
            i += length;
            continue;
        } else if (unicode && (c == QLatin1Char('}') || c == QLatin1Char(']'))) {
            return fail(QStringLiteral("Lone quantifier brackets"), false);
        }
        out.source += c;
        ++i;
    }
    if (inClass)
        return fail(QStringLiteral("Unterminated character class"), false);
    if (depth > 0)
        return fail(QStringLiteral("Unterminated group"), false);
    return out;
}

} // namespace corslab
