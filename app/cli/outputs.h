// The files `run` and `check-url` can write besides their stdout: --har, --report (.md or .html)
// and --png (the timeline as the app draws it).
#pragma once

#include "run/runresult.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>

struct OutputFiles {
    QString har;
    QString report;
    QString png;
    bool any() const { return !har.isEmpty() || !report.isEmpty() || !png.isEmpty(); }
};

// Takes --har FILE, --report FILE, --png FILE out of args; false (message printed) on a usage
// error: a missing value, a report that is neither .md nor .html, a path that is one of protect.
bool takeOutputFiles(QStringList &args, OutputFiles &files, const QString &command);
// Writes them; false when one could not be written (message printed).
bool writeOutputFiles(const QList<corslab::RunResult> &runs, const OutputFiles &files,
    const QString &lang, const QString &command, const QStringList &protect);

// The application object: a QGuiApplication on the offscreen platform (unless QT_QPA_PLATFORM
// says otherwise) when pictures are wanted and can be drawn, a QCoreApplication otherwise.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv, bool pictures);

// True when this corslab-cli can draw pictures (it was built with Qt GUI); main() then creates
// a QGuiApplication on the offscreen platform for commands given --png.
bool picturesAvailable();
// The PNG of one run's timeline; empty with *error set when it cannot be drawn.
QByteArray timelinePng(const corslab::RunResult &run, QString *error);
