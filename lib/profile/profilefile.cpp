// File I/O around the I/O-free ProfileReader, and the catalogue of bundled example profiles.
#include "profilefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace corslab {

namespace {
const QString ExamplesDir = QStringLiteral(":/corslab/profiles");
const QString Suffix = QStringLiteral(".corslab.json");
} // namespace

ProfileFileResult ProfileFile::load(const QString &path)
{
    ProfileFileResult result;
    QFile file(path);
    const auto fail = [&result](const QString &message) {
        result.load.diagnostics.append({Diagnostic::Severity::Error, {}, {}, message});
        return result;
    };
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot open the file: %1").arg(file.errorString()));
    if (file.size() > ProfileReader::MaxFileSize)
        return fail(QStringLiteral("the file is %1 bytes; a profile is at most %2 bytes")
                        .arg(file.size())
                        .arg(ProfileReader::MaxFileSize));
    result.bytes = file.read(ProfileReader::MaxFileSize + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(QStringLiteral("cannot read the file: %1").arg(file.errorString()));
    result.load = ProfileReader::read(result.bytes);
    return result;
}

SaveResult ProfileFile::save(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {false, QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    if (file.write(bytes) != bytes.size() || !file.commit())
        return {false, QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    return {true, {}};
}

QList<ExampleProfile> ProfileFile::examples()
{
    QList<ExampleProfile> out;
    const QStringList names
        = QDir(ExamplesDir).entryList({QStringLiteral("*") + Suffix}, QDir::Files, QDir::Name);
    for (const QString &fileName : names) {
        ExampleProfile example;
        example.fileName = fileName;
        example.resourcePath = ExamplesDir + QLatin1Char('/') + fileName;
        const ProfileFileResult loaded = load(example.resourcePath);
        if (loaded.load.profile) {
            example.name = loaded.load.profile->name;
            example.description = loaded.load.profile->description;
        }
        out << example;
    }
    return out;
}

QString ProfileFile::defaultExampleFileName()
{
    return QStringLiteral("single-allowed-origin") + Suffix;
}

QString ProfileFile::exampleResourcePath(const QString &name)
{
    const QString fileName = name.endsWith(Suffix) ? name : name + Suffix;
    const QString path = ExamplesDir + QLatin1Char('/') + fileName;
    return QFile::exists(path) ? path : QString();
}

QString ProfileFile::resolveArgument(const QString &argument)
{
    if (QFileInfo::exists(argument))
        return argument;
    const QString example = exampleResourcePath(argument);
    return example.isEmpty() ? argument : example;
}

} // namespace corslab
