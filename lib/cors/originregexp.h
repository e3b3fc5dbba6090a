// A JavaScript RegExp as the cors package uses it for origins, and a QJSEngine-backed compiler.
#pragma once

#include "profile/profile.h"

#include <QString>

#include <functional>
#include <memory>

namespace corslab {

// One live RegExp object. cors calls regex.test(origin) on the very object given in its options,
// so with the g or y flag the object's lastIndex carries over from one request to the next.
class OriginRegExp {
public:
    virtual ~OriginRegExp() = default;

    // RegExp.prototype.test(input), reading and updating lastIndex as JavaScript does.
    virtual bool test(const QString &input) = 0;
    virtual QString source() const = 0;
    virtual QString flags() const = 0;

    // /source/flags, for messages (unlike RegExp.prototype.toString(), "/" is not escaped).
    QString toString() const;
    // g or y: test() starts at lastIndex, so the same input can alternate between match and not.
    bool isStateful() const;
};

// new RegExp(source, flags): a fresh object (lastIndex 0), or the engine's error message.
struct CompiledRegExp {
    std::shared_ptr<OriginRegExp> regExp;
    QString error;
};
using RegExpCompiler = std::function<CompiledRegExp(const RegexPattern &pattern)>;

// Compiles with a QJSEngine of its own, created on first use on the calling thread; the regexps
// it returns must be used on that thread. Qt's engine (V4, Qt 6.4) lacks the d and s flags: d
// only adds match indices, which test() never reads, so it is dropped; s (dotAll) is rewritten
// as "." → "[\s\S]" outside character classes. Lookbehind, \p{...} and the v flag are reported
// as errors.
RegExpCompiler jsRegExpCompiler();

} // namespace corslab
