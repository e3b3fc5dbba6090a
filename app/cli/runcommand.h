// corslab-cli run and check-url.
#pragma once

#include <QStringList>

int runCommand(const QStringList &args);
int checkUrlCommand(const QStringList &args);
