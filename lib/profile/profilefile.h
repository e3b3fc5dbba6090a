// Profiles on disk and in the bundled examples: loading with size limits, atomic saving.
#pragma once

#include "profilereader.h"

#include <QList>
#include <QString>

namespace corslab {

struct ProfileFileResult {
    QByteArray bytes; // what the file holds, exactly (empty when it could not be read)
    ProfileLoadResult load;
};

struct SaveResult {
    bool ok = false;
    QString error; // "cannot write /x/y.corslab.json: Permission denied"
};

struct ExampleProfile {
    QString fileName; // "single-allowed-origin.corslab.json"
    QString resourcePath; // ":/corslab/profiles/single-allowed-origin.corslab.json"
    QString name;
    QString description;
};

class ProfileFile {
public:
    // Reads and parses `path` (a file or a ":/" resource). Read failures become diagnostics.
    static ProfileFileResult load(const QString &path);
    // Writes through QSaveFile: the old file stays untouched unless the whole write succeeds.
    static SaveResult save(const QString &path, const QByteArray &bytes);

    // The bundled examples, sorted by file name.
    static QList<ExampleProfile> examples();
    // The example ./run.sh opens.
    static QString defaultExampleFileName();
    // An example by file name, with or without ".corslab.json"; empty when there is none.
    static QString exampleResourcePath(const QString &name);
    // A command-line argument: the path when such a file exists, else the bundled example of that
    // name, else the argument unchanged (so the error names what the user typed).
    static QString resolveArgument(const QString &argument);
};

} // namespace corslab
