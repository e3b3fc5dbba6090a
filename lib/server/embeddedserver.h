// The embedded Socket.IO test server: one profile's server options on a real TCP port, answering
// like socket.io 4.8 + engine.io 6.6 + cors 2.8, and reporting everything it does.
#pragma once

#include "profile/profile.h"
#include "server/serverevent.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

class QTcpServer;

namespace corslab {

class CorsPolicy;
class EngineServer;
class HttpConnection;
class HttpRequest;
class ReverseProxy;
class ScriptSandbox;
class SocketIoServer;

class EmbeddedServer : public QObject {
    Q_OBJECT

public:
    explicit EmbeddedServer(const ServerOptions &options, QObject *parent = nullptr);
    ~EmbeddedServer() override;

    // Binds options.host:options.port (port 0: a free one); false with `error` set on failure.
    bool listen(QString *error = nullptr);
    void close();
    bool isListening() const;
    quint16 port() const;
    QUrl url() const; // http://127.0.0.1:PORT
    // The origin a page and the client use: http://localhost:PORT when bound to 127.0.0.1 (so a
    // page at http://localhost:3000 is same-site with it, as in a developer's own setup).
    QUrl publicUrl() const;
    // The engine's path as engine.io computes it ("/socket.io/").
    QString enginePath() const { return m_enginePath; }
    const ServerOptions &options() const { return m_options; }
    // Problems found while preparing user code (syntax errors in functions and RegExps).
    QStringList setupErrors() const { return m_setupErrors; }

signals:
    void eventRecorded(const corslab::ServerEvent &event);

private:
    void onNewConnection(qintptr descriptor);
    void onRequest(HttpConnection *connection, const HttpRequest &request);
    void onUpgrade(HttpConnection *connection, const HttpRequest &request);
    // The middlewares (cors), then the engine: as engine.io's handleRequest()/handleUpgrade().
    void dispatch(HttpConnection *connection, const HttpRequest &request, bool upgrade);
    void setUpScripts();
    void record(ServerEvent::Kind kind, quint64 connection, const QString &layer,
        const QString &summary, const QString &detail = {}, const QByteArray &bytes = {});

    ServerOptions m_options;
    QString m_enginePath;
    QTcpServer *m_listener = nullptr;
    ScriptSandbox *m_sandbox = nullptr;
    EngineServer *m_engine = nullptr;
    SocketIoServer *m_socketIo = nullptr;
    std::unique_ptr<CorsPolicy> m_cors;
    QElapsedTimer m_clock;
    quint64 m_connections = 0;
    QStringList m_setupErrors;
    // With `server.proxy`: the instances behind the proxy, and the proxy clients talk to.
    QList<EmbeddedServer *> m_instances;
    ReverseProxy *m_proxy = nullptr;
};

} // namespace corslab
