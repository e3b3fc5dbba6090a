// StreamSocket: non-blocking POSIX socket I/O driven by QSocketNotifier.
#include "streamsocket.h"

#include <QHostAddress>
#include <QSocketNotifier>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace corslab {

namespace {
constexpr int LingerMs = 5000; // how long end() waits for the peer's FIN before closing anyway
}

StreamSocket::StreamSocket(qintptr descriptor, QObject *parent)
    : QObject(parent)
    , m_descriptor(int(descriptor))
{
    ::fcntl(m_descriptor, F_SETFL, ::fcntl(m_descriptor, F_GETFL) | O_NONBLOCK);
    // Node's http.Server sets noDelay on every connection (and ws again after an upgrade); without
    // it Nagle's algorithm holds small writes (a WebSocket ack frame) for a delayed ACK, ~40 ms.
    int noDelay = 1;
    ::setsockopt(m_descriptor, IPPROTO_TCP, TCP_NODELAY, &noDelay, sizeof noDelay);
    sockaddr_storage address {};
    socklen_t length = sizeof address;
    if (::getpeername(m_descriptor, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        m_peerAddress = QHostAddress(reinterpret_cast<sockaddr *>(&address)).toString();
    m_readNotifier = new QSocketNotifier(m_descriptor, QSocketNotifier::Read, this);
    m_writeNotifier = new QSocketNotifier(m_descriptor, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &StreamSocket::onReadable);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &StreamSocket::onWritable);
    m_lingerTimer.setSingleShot(true);
    connect(&m_lingerTimer, &QTimer::timeout, this, &StreamSocket::closeNow);
}

StreamSocket::~StreamSocket()
{
    if (m_descriptor >= 0)
        ::close(m_descriptor);
}

QByteArray StreamSocket::readAll()
{
    QByteArray out;
    out.swap(m_input);
    return out;
}

void StreamSocket::onReadable()
{
    if (m_descriptor < 0)
        return;
    char buffer[64 * 1024];
    bool gotData = false;
    while (true) {
        const ssize_t n = ::recv(m_descriptor, buffer, sizeof buffer, 0);
        if (n > 0) {
            if (!m_ending) { // after end() input is read and dropped, as Node does
                m_input.append(buffer, qsizetype(n));
                gotData = true;
            }
            continue;
        }
        if (n == 0) {
            m_readNotifier->setEnabled(false);
            m_readEnded = true;
            if (gotData)
                emit readyRead();
            if (m_ending && m_output.isEmpty()) {
                closeNow();
                return;
            }
            emit readEnded();
            return;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            break;
        if (gotData)
            emit readyRead();
        closeNow(); // ECONNRESET and friends
        return;
    }
    if (gotData)
        emit readyRead();
}

void StreamSocket::write(const QByteArray &bytes)
{
    if (m_descriptor < 0 || m_writeShut || bytes.isEmpty())
        return;
    m_output.append(bytes);
    flush();
}

void StreamSocket::flush()
{
    while (!m_output.isEmpty() && m_descriptor >= 0) {
        const ssize_t n
            = ::send(m_descriptor, m_output.constData(), size_t(m_output.size()), MSG_NOSIGNAL);
        if (n > 0) {
            m_written += n;
            m_output.remove(0, qsizetype(n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            m_writeNotifier->setEnabled(true);
            return;
        }
        closeNow();
        return;
    }
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
    if (m_ending && m_output.isEmpty() && !m_writeShut && m_descriptor >= 0) {
        ::shutdown(m_descriptor, SHUT_WR);
        m_writeShut = true;
        if (m_readEnded)
            closeNow();
        else
            m_lingerTimer.start(LingerMs);
    }
}

void StreamSocket::onWritable()
{
    flush();
}

void StreamSocket::end()
{
    if (m_descriptor < 0 || m_ending)
        return;
    m_ending = true;
    m_input.clear();
    flush();
}

void StreamSocket::destroy()
{
    if (m_descriptor < 0)
        return;
    flush();
    closeNow();
}

void StreamSocket::closeNow()
{
    if (m_descriptor < 0)
        return;
    m_lingerTimer.stop();
    m_readNotifier->setEnabled(false);
    m_writeNotifier->setEnabled(false);
    ::close(m_descriptor);
    m_descriptor = -1;
    emit closed();
}

} // namespace corslab
