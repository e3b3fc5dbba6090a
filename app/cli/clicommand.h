// Commands that live in their own source file register themselves here, so adding one does not
// touch main.cpp: a file defines its function and a `CliCommand::Registration` at namespace scope.
#pragma once

#include <QList>
#include <QStringList>
#include <QTextStream>

#include <cstdio>

// The one stdout and one stderr stream every command writes to (two streams on one FILE would
// interleave their buffers).
inline QTextStream &cliOut()
{
    static QTextStream s(stdout);
    return s;
}

inline QTextStream &cliErr()
{
    static QTextStream s(stderr);
    return s;
}

struct CliCommand {
    const char *name; // "import-har"
    const char *usage; // its lines for `corslab-cli --help`, indented like the others
    int (*run)(const QStringList &args); // the arguments after the command's name
    bool ownHelp = true; // the command prints its own --help

    struct Registration {
        explicit Registration(const CliCommand &command) { registry().append(command); }
    };
    static const QList<CliCommand> &all() { return registry(); }
    static const CliCommand *find(const QString &name)
    {
        for (const CliCommand &c : registry())
            if (name == QLatin1String(c.name))
                return &c;
        return nullptr;
    }

private:
    static QList<CliCommand> &registry()
    {
        static QList<CliCommand> commands;
        return commands;
    }
};
