<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>corslab::MainWindow</name>
        <message>
            <source>Untitled profile</source>
            <translation>未命名配置</translation>
        </message>
        <message>
            <source>A page on http://localhost:3000 connecting to the embedded server</source>
            <translation>位于 http://localhost:3000 的页面连接内置服务器</translation>
        </message>
        <message numerus="yes">
            <source>[%n item(s)]</source>
            <translation>
                <numerusform>[%n 项]</numerusform>
            </translation>
        </message>
        <message>
            <source>Profile text</source>
            <translation>配置文本</translation>
        </message>
        <message>
            <source>Option</source>
            <translation>选项</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>Profile structure</source>
            <translation>配置结构</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;New</source>
            <translation>新建(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Open...</source>
            <translation>打开(&amp;O)...</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>Open &amp;Example</source>
            <translation>打开示例(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Save &amp;As...</source>
            <translation>另存为(&amp;A)...</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>Cannot open profile</source>
            <translation>无法打开配置</translation>
        </message>
        <message>
            <source>Opened the example %1; Save As keeps your own copy</source>
            <translation>已打开示例 %1；用“另存为”保存你自己的副本</translation>
        </message>
        <message>
            <source>Opened %1</source>
            <translation>已打开 %1</translation>
        </message>
        <message>
            <source>Open profile</source>
            <translation>打开配置</translation>
        </message>
        <message>
            <source>CorsLab profiles (*.corslab.json);;JSON files (*.json);;All files (*)</source>
            <translation>CorsLab 配置 (*.corslab.json);;JSON 文件 (*.json);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Cannot save profile</source>
            <translation>无法保存配置</translation>
        </message>
        <message numerus="yes">
            <source>Saved %1 (it still has %n error(s))</source>
            <translation>
                <numerusform>已保存 %1（仍有 %n 个错误）</numerusform>
            </translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <source>Save profile</source>
            <translation>保存配置</translation>
        </message>
        <message>
            <source>CorsLab profiles (*.corslab.json)</source>
            <translation>CorsLab 配置 (*.corslab.json)</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>未保存的更改</translation>
        </message>
        <message>
            <source>The profile has been modified.
Do you want to save your changes?</source>
            <translation>配置已被修改。
要保存更改吗？</translation>
        </message>
        <message>
            <source>untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <source>No problems found.</source>
            <translation>没有发现问题。</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;This profile has %n error(s).&lt;/b&gt; Fix them in the text on the right; the list below it says where.</source>
            <translation>
                <numerusform>&lt;b&gt;此配置有 %n 个错误。&lt;/b&gt;请在右侧的文本中修正；下方列表指出了错误位置。</numerusform>
            </translation>
        </message>
        <message>
            <source>Page %1 → %2 server, as %3</source>
            <translation>页面 %1 → %2 服务器，以 %3 身份</translation>
        </message>
        <message>
            <source>Expected: %1</source>
            <translation>预期：%1</translation>
        </message>
        <message>
            <source>all Socket.IO defaults (no CORS headers)</source>
            <translation>全部为 Socket.IO 默认值（不发送 CORS 头）</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <source> (example)</source>
            <translation>（示例）</translation>
        </message>
        <message>
            <source>Form</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <source>Server code copied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Client code copied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re&amp;vert</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run the profile: start the server, connect the page, judge (F5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re-run after &amp;edits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Keep server running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Serve the profile's server for a real web app and show its traffic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Apply fix</source>
            <translation>应用修复(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run this profile's code?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This profile contains JavaScript that CorsLab will run in its sandbox (no file or network access, 1 s time limit). Look at it before running it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The profile has errors: fix them before running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not run: the profile's code was not accepted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Running…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 in %2 ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No proven fix to apply</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fix applied: %1 (Edit → Undo in the text restores it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Revert</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Discard your changes and reload the file?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Server stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The profile has errors: fix them before serving</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server could not start: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Serving at %1 — connect a real page with io("%1")</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>corslab::gui::DetailsPane</name>
        <message numerus="yes">
            <source>… %n more byte(s)</source>
            <translation>
                <numerusform>… 还有 %n 个字节</numerusform>
            </translation>
        </message>
        <message>
            <source>(missing)</source>
            <translation>（缺失）</translation>
        </message>
        <message>
            <source>before the request</source>
            <translation>请求之前</translation>
        </message>
        <message>
            <source>preflight</source>
            <translation>预检</translation>
        </message>
        <message>
            <source>response</source>
            <translation>响应</translation>
        </message>
        <message>
            <source>redirect</source>
            <translation>重定向</translation>
        </message>
        <message>
            <source>not checked</source>
            <translation>未检查</translation>
        </message>
        <message>
            <source>pass</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>blocked</source>
            <translation>已拦截</translation>
        </message>
        <message numerus="yes">
            <source>object, %n member(s)</source>
            <translation>
                <numerusform>对象，%n 个成员</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>array, %n item(s)</source>
            <translation>
                <numerusform>数组，%n 项</numerusform>
            </translation>
        </message>
        <message>
            <source>the Engine.IO session id; later requests carry it as ?sid=</source>
            <translation>Engine.IO 会话 ID；之后的请求以 ?sid= 携带它</translation>
        </message>
        <message>
            <source>transports the client may upgrade to</source>
            <translation>客户端可以升级到的传输方式</translation>
        </message>
        <message>
            <source>ms between the server's pings</source>
            <translation>服务器两次 ping 之间的毫秒数</translation>
        </message>
        <message>
            <source>ms the client waits for a ping beyond pingInterval before closing</source>
            <translation>客户端在 pingInterval 之外再等待 ping 的毫秒数，超过后关闭连接</translation>
        </message>
        <message>
            <source>bytes the server accepts in one polling payload</source>
            <translation>服务器在一个轮询负载中接受的字节数</translation>
        </message>
        <message>
            <source>Socket.IO packet</source>
            <translation>Socket.IO 数据包</translation>
        </message>
        <message>
            <source>error</source>
            <translation>错误</translation>
        </message>
        <message>
            <source>cannot decode</source>
            <translation>无法解码</translation>
        </message>
        <message>
            <source>attachments</source>
            <translation>附件</translation>
        </message>
        <message numerus="yes">
            <source>%n awaited</source>
            <translation>
                <numerusform>等待 %n 个</numerusform>
            </translation>
        </message>
        <message>
            <source>type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>namespace</source>
            <translation>命名空间</translation>
        </message>
        <message>
            <source>ack id</source>
            <translation>ack ID</translation>
        </message>
        <message>
            <source>data</source>
            <translation>数据</translation>
        </message>
        <message>
            <source>Engine.IO packet</source>
            <translation>Engine.IO 数据包</translation>
        </message>
        <message numerus="yes">
            <source>%n byte(s) of binary</source>
            <translation>
                <numerusform>%n 字节二进制数据</numerusform>
            </translation>
        </message>
        <message>
            <source>handshake</source>
            <translation>握手</translation>
        </message>
        <message>
            <source>Checks before sending (URL, method, mixed content, local network)</source>
            <translation>发送前的检查（URL、方法、混合内容、本地网络）</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>Fetch §4.1 main fetch</source>
            <translation>Fetch §4.1 main fetch</translation>
        </message>
        <message>
            <source>No CORS check: %1</source>
            <translation>不做 CORS 检查：%1</translation>
        </message>
        <message>
            <source>not a CORS request</source>
            <translation>不是 CORS 请求</translation>
        </message>
        <message>
            <source>same origin</source>
            <translation>同源</translation>
        </message>
        <message>
            <source>Fetch §4.1 main fetch, step 12</source>
            <translation>Fetch §4.1 main fetch，第 12 步</translation>
        </message>
        <message>
            <source>Preflight status is OK</source>
            <translation>预检响应状态码为 OK</translation>
        </message>
        <message>
            <source>(no response)</source>
            <translation>（无响应）</translation>
        </message>
        <message>
            <source>Fetch §4.8 CORS-preflight fetch, step 7</source>
            <translation>Fetch §4.8 CORS 预检请求，第 7 步</translation>
        </message>
        <message>
            <source>Access-Control-Allow-Origin present, one value</source>
            <translation>Access-Control-Allow-Origin 存在且只有一个值</translation>
        </message>
        <message>
            <source>one value</source>
            <translation>一个值</translation>
        </message>
        <message>
            <source>Fetch §4.9 CORS check, steps 1–2</source>
            <translation>Fetch §4.9 CORS 检查，第 1–2 步</translation>
        </message>
        <message>
            <source>Wildcard "*" accepted</source>
            <translation>接受通配符 "*"</translation>
        </message>
        <message>
            <source>"*" allowed: no credentials</source>
            <translation>允许 "*"：不携带凭据</translation>
        </message>
        <message>
            <source>not "*": credentials mode is include</source>
            <translation>不能是 "*"：凭据模式为 include</translation>
        </message>
        <message>
            <source>Fetch §4.9 CORS check, step 3</source>
            <translation>Fetch §4.9 CORS 检查，第 3 步</translation>
        </message>
        <message>
            <source>Allowed origin equals the request's origin</source>
            <translation>允许的源与请求的源相同</translation>
        </message>
        <message>
            <source>Fetch §4.9 CORS check, step 4</source>
            <translation>Fetch §4.9 CORS 检查，第 4 步</translation>
        </message>
        <message>
            <source>Access-Control-Allow-Credentials is "true"</source>
            <translation>Access-Control-Allow-Credentials 为 "true"</translation>
        </message>
        <message>
            <source>Fetch §4.9 CORS check, step 7</source>
            <translation>Fetch §4.9 CORS 检查，第 7 步</translation>
        </message>
        <message>
            <source>Method allowed</source>
            <translation>方法被允许</translation>
        </message>
        <message>
            <source>Fetch §4.8 CORS-preflight fetch, step 7.5</source>
            <translation>Fetch §4.8 CORS 预检请求，第 7.5 步</translation>
        </message>
        <message>
            <source>Request header %1 allowed</source>
            <translation>请求头 %1 被允许</translation>
        </message>
        <message>
            <source>Fetch §4.8 CORS-preflight fetch, step 7.7</source>
            <translation>Fetch §4.8 CORS 预检请求，第 7.7 步</translation>
        </message>
        <message>
            <source>Browser verdict (%1)</source>
            <translation>浏览器结论（%1）</translation>
        </message>
        <message>
            <source>Chromium / Firefox check order</source>
            <translation>Chromium / Firefox 检查顺序</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>What it did</source>
            <translation>作用</translation>
        </message>
        <message>
            <source>Headers</source>
            <translation>头部</translation>
        </message>
        <message>
            <source>Bytes as text</source>
            <translation>字节（文本）</translation>
        </message>
        <message>
            <source>Bytes as hex</source>
            <translation>字节（十六进制）</translation>
        </message>
        <message>
            <source>Raw</source>
            <translation>原始数据</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>Meaning</source>
            <translation>含义</translation>
        </message>
        <message>
            <source>Decoded</source>
            <translation>解码结果</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>要求</translation>
        </message>
        <message>
            <source>Got</source>
            <translation>实际</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Spec step</source>
            <translation>规范步骤</translation>
        </message>
        <message>
            <source>CORS check</source>
            <translation>CORS 检查</translation>
        </message>
        <message>
            <source>Select an event to see its bytes.</source>
            <translation>选择一个事件以查看其字节。</translation>
        </message>
        <message>
            <source>Select a request, response or check to see its CORS check.</source>
            <translation>选择一个请求、响应或检查以查看其 CORS 检查。</translation>
        </message>
        <message>
            <source>Request</source>
            <translation>请求</translation>
        </message>
        <message>
            <source>Response</source>
            <translation>响应</translation>
        </message>
        <message>
            <source>(no HTTP headers for this event)</source>
            <translation>（此事件没有 HTTP 头）</translation>
        </message>
        <message numerus="yes">
            <source>%n byte(s) as they crossed the wire</source>
            <translation>
                <numerusform>网络上传输的 %n 个字节</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>No bytes recorded for this event: its text, %n byte(s) in UTF-8</source>
            <translation>
                <numerusform>此事件没有记录字节：以下是其文本，UTF-8 编码共 %n 个字节</numerusform>
            </translation>
        </message>
        <message>
            <source>Polling payload</source>
            <translation>轮询负载</translation>
        </message>
        <message>
            <source>(no Engine.IO or Socket.IO packet in this event)</source>
            <translation>（此事件中没有 Engine.IO 或 Socket.IO 数据包）</translation>
        </message>
        <message>
            <source>No CORS check goes with this event.</source>
            <translation>此事件没有对应的 CORS 检查。</translation>
        </message>
        <message>
            <source>%1 check of %2 %3 — origin %4, credentials %5</source>
            <translation>%2 %3 的%1检查 — 源 %4，凭据 %5</translation>
        </message>
        <message>
            <source>Chromium: %1</source>
            <translation>Chromium：%1</translation>
        </message>
        <message>
            <source>Firefox: %1</source>
            <translation>Firefox：%1</translation>
        </message>
        <message>
            <source>Chromium warning: %1</source>
            <translation>Chromium 警告：%1</translation>
        </message>
        <message>
            <source>Firefox warning: %1</source>
            <translation>Firefox 警告：%1</translation>
        </message>
        <message>
            <source>The page's origin: the browser adds it and the server's cors options decide whether to allow it.</source>
            <translation>页面的源：由浏览器添加，服务器的 cors 选项决定是否允许它。</translation>
        </message>
        <message>
            <source>Preflight: asks whether the actual request may use this method.</source>
            <translation>预检请求：询问实际请求是否可以使用此方法。</translation>
        </message>
        <message>
            <source>Preflight: asks whether the actual request may carry these headers.</source>
            <translation>预检请求：询问实际请求是否可以携带这些请求头。</translation>
        </message>
        <message>
            <source>Which origin may read the response: compared with the request's Origin (Fetch §4.9 CORS check, steps 2–4).</source>
            <translation>哪个源可以读取响应：与请求的 Origin 比较（Fetch §4.9 CORS 检查，第 2–4 步）。</translation>
        </message>
        <message>
            <source>Must be exactly "true" for a request with credentials (Fetch §4.9 CORS check, step 7).</source>
            <translation>对携带凭据的请求必须恰好为 "true"（Fetch §4.9 CORS 检查，第 7 步）。</translation>
        </message>
        <message>
            <source>Preflight answer: the methods the actual request may use (Fetch §4.8, step 7.5).</source>
            <translation>预检响应：实际请求可以使用的方法（Fetch §4.8，第 7.5 步）。</translation>
        </message>
        <message>
            <source>Preflight answer: the request headers the actual request may carry (Fetch §4.8, step 7.7).</source>
            <translation>预检响应：实际请求可以携带的请求头（Fetch §4.8，第 7.7 步）。</translation>
        </message>
        <message>
            <source>How long the browser may cache this preflight answer.</source>
            <translation>浏览器可以缓存此预检响应多长时间。</translation>
        </message>
        <message>
            <source>Response headers the page's script may read beyond the safelisted ones.</source>
            <translation>除安全列表中的响应头之外，页面脚本还可以读取的响应头。</translation>
        </message>
        <message>
            <source>Private Network Access: the server agrees to a request from a less private network.</source>
            <translation>私有网络访问：服务器同意来自私密性较低的网络的请求。</translation>
        </message>
        <message>
            <source>A CORS header this browser does not use for this request.</source>
            <translation>此浏览器在此请求中不使用的 CORS 头。</translation>
        </message>
    </context>
    <context>
        <name>corslab::gui::NamespaceListEditor</name>
        <message>
            <source>Add namespace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>namespaces — declares io.of(name), optionally with a middleware.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>namespaces[].name — the namespace clients connect to, such as "/admin".</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Middleware (socket, next)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>namespaces[].middleware — io.of(name).use(fn): runs before each connection; next(new Error(...)) refuses it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Removes this namespace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>name</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>corslab::gui::OriginEditor</name>
        <message>
            <source>An empty origin turns CORS off: the cors package sends no headers at all (choose "false" to say so).</source>
            <translation>空的 origin 会关闭 CORS：cors 包完全不发送任何头（若本意如此，请选择 "false"）。</translation>
        </message>
        <message>
            <source>A comma-separated list is sent as one header value, which browsers reject; use the list mode.</source>
            <translation>逗号分隔的列表会作为一个头的值发送，浏览器会拒绝它；请使用列表模式。</translation>
        </message>
        <message>
            <source>"%1" has no scheme; browsers send "http://..." or "https://...".</source>
            <translation>"%1" 没有协议；浏览器发送的是 "http://..." 或 "https://..."。</translation>
        </message>
        <message>
            <source>"%1" ends with "/"; the Origin header never does.</source>
            <translation>"%1" 以 "/" 结尾；Origin 头从不这样。</translation>
        </message>
        <message>
            <source>"%1" has a path; an Origin is only scheme://host[:port].</source>
            <translation>"%1" 带有路径；Origin 只有 scheme://host[:port]。</translation>
        </message>
        <message>
            <source>"%1" is not what a browser sends: %2.</source>
            <translation>"%1" 不是浏览器会发送的值：%2。</translation>
        </message>
        <message>
            <source>Did you mean "%1"?</source>
            <translation>你是想写 "%1" 吗？</translation>
        </message>
        <message>
            <source>One origin (string)</source>
            <translation>单个源（字符串）</translation>
        </message>
        <message>
            <source>List of origins</source>
            <translation>源列表</translation>
        </message>
        <message>
            <source>RegExp</source>
            <translation>正则表达式</translation>
        </message>
        <message>
            <source>true — reflect the request's Origin</source>
            <translation>true — 原样返回请求的 Origin</translation>
        </message>
        <message>
            <source>false — no CORS headers</source>
            <translation>false — 不发送 CORS 头</translation>
        </message>
        <message>
            <source>Function (origin, callback)</source>
            <translation>函数 (origin, callback)</translation>
        </message>
        <message>
            <source>What kind of value cors.origin is: the cors package treats each differently.</source>
            <translation>cors.origin 的值是哪一种：cors 包对每种的处理都不同。</translation>
        </message>
        <message>
            <source>cors.origin as a string — sent as Access-Control-Allow-Origin verbatim; "*" allows any page without credentials.</source>
            <translation>cors.origin 为字符串 — 原样作为 Access-Control-Allow-Origin 发送；"*" 允许任何不携带凭据的页面。</translation>
        </message>
        <message>
            <source>Origin or RegExp source</source>
            <translation>源或正则表达式源码</translation>
        </message>
        <message>
            <source>An origin exactly as the browser sends it, or a RegExp source</source>
            <translation>与浏览器发送的完全一致的源，或正则表达式源码</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>origin</source>
            <translation>源</translation>
        </message>
        <message>
            <source>Whether the entry is compared as a string or tested as a RegExp</source>
            <translation>该条目是按字符串比较，还是作为正则表达式匹配</translation>
        </message>
        <message>
            <source>Flags</source>
            <translation>标志</translation>
        </message>
        <message>
            <source>RegExp flags such as i (ignored for origins)</source>
            <translation>正则表达式标志，例如 i（对源无效）</translation>
        </message>
        <message>
            <source>cors.origin as an array — the request's Origin is reflected when it equals an entry or matches a RegExp entry.</source>
            <translation>cors.origin 为数组 — 请求的 Origin 等于某个条目或匹配某个正则表达式条目时，就原样返回它。</translation>
        </message>
        <message>
            <source>cors.origin.regex — the RegExp source, without the slashes; anchor it with ^ and $.</source>
            <translation>cors.origin.regex — 正则表达式源码，不带斜杠；请用 ^ 和 $ 锚定。</translation>
        </message>
        <message>
            <source>cors.origin.flags — RegExp flags: i ignores case; g and y make test() alternate between requests.</source>
            <translation>cors.origin.flags — 正则表达式标志：i 忽略大小写；g 和 y 会让 test() 在相邻请求间交替返回结果。</translation>
        </message>
        <message>
            <source>An Origin to try the RegExp on (the page origin).</source>
            <translation>用来测试正则表达式的 Origin（页面的源）。</translation>
        </message>
        <message>
            <source>Pattern</source>
            <translation>模式</translation>
        </message>
        <message>
            <source>Matches?</source>
            <translation>是否匹配？</translation>
        </message>
        <message>
            <source>cors.origin as a function — called with (origin, callback); callback(null, true) reflects the Origin, false sends none.</source>
            <translation>cors.origin 为函数 — 以 (origin, callback) 调用；callback(null, true) 原样返回 Origin，false 则不发送。</translation>
        </message>
        <message>
            <source>The request's Origin is sent back as Access-Control-Allow-Origin: every page is allowed, with credentials too.</source>
            <translation>请求的 Origin 会作为 Access-Control-Allow-Origin 原样返回：所有页面都被允许，携带凭据的也一样。</translation>
        </message>
        <message>
            <source>The cors package sends no CORS headers at all: browsers block every cross-origin request.</source>
            <translation>cors 包完全不发送 CORS 头：浏览器会拦截所有跨源请求。</translation>
        </message>
        <message>
            <source>"*" inside a list is a literal string that matches no Origin.</source>
            <translation>列表中的 "*" 只是一个普通字符串，不匹配任何 Origin。</translation>
        </message>
        <message>
            <source>Entry %1: %2</source>
            <translation>第 %1 项：%2</translation>
        </message>
        <message>
            <source>Not anchored with ^ and $: it also matches origins that merely contain it, such as "https://example.com.attacker.test".</source>
            <translation>没有用 ^ 和 $ 锚定：它也会匹配仅仅包含它的源，例如 "https://example.com.attacker.test"。</translation>
        </message>
        <message>
            <source>The g and y flags make RegExp.test() remember lastIndex: the same origin is allowed and refused on alternate requests.</source>
            <translation>g 和 y 标志会让 RegExp.test() 记住 lastIndex：同一个源会在相邻请求中交替被允许和拒绝。</translation>
        </message>
        <message>
            <source>✗ invalid: %1</source>
            <translation>✗ 无效：%1</translation>
        </message>
        <message>
            <source>✓ matches %1</source>
            <translation>✓ 匹配 %1</translation>
        </message>
        <message>
            <source>✗ does not match %1</source>
            <translation>✗ 不匹配 %1</translation>
        </message>
    </context>
    <context>
        <name>corslab::gui::ProfileForm</name>
        <message>
            <source>every request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>preflights (OPTIONS) only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>every request but preflights</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not set</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kept as written (this version has no field for them): %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Server</source>
            <translation>服务器</translation>
        </message>
        <message>
            <source>Client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>name — what this profile reproduces, shown in the title bar.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>description — one line saying what happens and why.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>$schema — the JSON Schema editors use to complete the file; CorsLab only keeps it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expect.verdict — how a run should end; a run that ends otherwise is reported as unexpected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no expectation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expect.reason — the browser's CORS error name (such as MissingAllowOriginHeader) or the server's refusal message; empty accepts any reason.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>any reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Expect</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Where the server listens</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>host — the interface the embedded server binds; 127.0.0.1 keeps it on this machine.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>port — the port the embedded server listens on; 0 picks a free one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>0 (any free port)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>path — the HTTP path Socket.IO answers on; the client's path must match it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Also answer the path with a trailing slash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>addTrailingSlash — answers /socket.io/ as well as /socket.io.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>host</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>port</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>path</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CORS (cors)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cors — the cors package's options; unchecked, the server sends no CORS headers at all (Socket.IO 3 and later).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cors.origin — which page origins get Access-Control-Allow-Origin, and how the header is chosen.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cors.methods — the methods listed in Access-Control-Allow-Methods of preflight responses.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not set: reflect the requested headers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cors.allowedHeaders — the request headers a preflight allows; not set, the requested ones are reflected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not set: expose none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cors.exposedHeaders — response headers the page may read (Access-Control-Expose-Headers).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allow credentials</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cors.credentials — sends Access-Control-Allow-Credentials: true so the browser hands credentialed responses to the page.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cors.maxAge — how long a browser may cache a preflight (Access-Control-Max-Age).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>seconds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>text, sent as written</source>
            <translation>文本，按原样发送</translation>
        </message>
        <message>
            <source> s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pass preflights on to the server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cors.preflightContinue — hands OPTIONS requests to the next handler instead of answering them (Socket.IO then answers 400).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cors.optionsSuccessStatus — the status of a successful preflight response.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>origin</source>
            <translation>源</translation>
        </message>
        <message>
            <source>methods</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>allowedHeaders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>exposedHeaders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>maxAge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>optionsSuccessStatus</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check each request (allowRequest)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>allowRequest — a function (req, callback) that may refuse a handshake or upgrade before any CORS header is sent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>allowRequest — callback(null, true) lets the request through; callback("message", false) refuses it with HTTP 403.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transports and timing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>transports — the transports the server accepts; a client asking for another one gets "Transport unknown".</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allow upgrading from polling to WebSocket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>allowUpgrades — lets a polling connection move to WebSocket.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>pingInterval — how often the server sends a ping to check the connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>pingTimeout — how long the server waits for the pong before closing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>upgradeTimeout — how long an unfinished WebSocket upgrade may take.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>connectTimeout — how long a client may take to join a namespace before it is closed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>maxHttpBufferSize — the largest message the server accepts before closing the connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> bytes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Accept Socket.IO v2 clients (EIO=3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>allowEIO3 — accepts clients that speak the Engine.IO 3 protocol.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compress polling responses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>httpCompression — compresses polling bodies of 1024 bytes or more when the client accepts it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>initialPacket — JSON sent as a message right after the open packet; empty sends none.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>transports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>pingInterval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>pingTimeout</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>upgradeTimeout</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>connectTimeout</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>maxHttpBufferSize</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>initialPacket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Session cookie (cookie)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cookie — whether the handshake sets the engine.io session cookie (load balancers use it for stickiness).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>off (false)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>on with defaults (true)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>on with these options</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cookie</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cookie.name — the cookie's name ("io" when not set).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cookie.path — the cookie's Path attribute; false sends none.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not set ("/")</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>false: no Path attribute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cookie.domain — the Domain attribute: which hosts the browser sends the cookie to.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cookie.httpOnly — hides the cookie from the page's JavaScript.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cookie.secure — the browser sends the cookie over HTTPS only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cookie.sameSite — whether cross-site requests carry the cookie; "none" needs secure.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cookie.maxAge — seconds until the cookie expires; not set, it lasts the session.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cookie.partitioned — stores the cookie per top-level site (CHIPS).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>domain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>httpOnly</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>secure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>sameSite</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>partitioned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Namespaces (namespaces)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>namespaces — namespaces besides "/" the server declares, each with an optional middleware.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reverse proxy or load balancer in front (proxy, CorsLab's own)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>proxy — what nginx or a load balancer between the browser and the server does; unchecked, the client talks to the server directly.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Header</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The response header's name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>The response header's value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>On</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Which responses get the header</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>proxy.addHeaders — headers the proxy appends to the server's responses (a second Access-Control-Allow-Origin, say).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Answer with a redirect (redirect)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>proxy.redirect — the proxy answers with a redirect instead of forwarding; browsers refuse to follow redirects of preflights.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>proxy.redirect.status — the redirect's HTTP status (300 to 399).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>proxy.redirect.location — where the redirect points (the Location header).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>proxy.redirect.on — which requests are redirected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>location</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drop the Upgrade and Connection headers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>proxy.stripUpgrade — the proxy does not pass WebSocket upgrades on (nginx without proxy_set_header Upgrade).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>proxy.instances — server instances behind the proxy, taking requests in turn.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>proxy.sticky — keeps each session on one instance by the engine.io cookie.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none: every request balanced anew</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cookie: by the engine.io cookie</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>addHeaders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>instances</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>sticky</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The page and its io() call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>pageOrigin — the origin of the page that calls io(); "same-origin" means the server itself serves the page.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The embedded server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>URL:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>url — the server io() connects to: the embedded server, or an http, https, ws or wss URL.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>browser — whose CORS rules and error messages apply; the Node client has no CORS.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chromium</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Firefox</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Node.js client (no CORS)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>namespace — the namespace in io(url + namespace), "/" for the main one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Page origin</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connects to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browser</source>
            <translation>浏览器</translation>
        </message>
        <message>
            <source>namespace</source>
            <translation>命名空间</translation>
        </message>
        <message>
            <source>io() options</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>path — the HTTP path the client requests; it must match the server's path.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>query — extra query parameters sent with every request.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>auth — a JSON object sent in the CONNECT packet; empty sends none.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Send cookies and credentials cross-origin</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>withCredentials — makes cross-origin requests carry cookies; the server must then allow credentials.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>extraHeaders — headers added to polling requests, in this order; any of them triggers a preflight.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>transports — the transports the client tries, in this order.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upgrade to WebSocket after polling</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>upgrade — moves the connection from polling to a better transport when it can.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start with WebSocket if it worked last time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>rememberUpgrade — skips polling when a previous WebSocket connection succeeded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>timeout — how long the client waits for the connection before connect_error.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Send binary data as base64</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>forceBase64 — encodes binary packets as base64 text.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>auth</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>extraHeaders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>timeout</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Events sent once connected (emit)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Event</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The event name passed to socket.emit()</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Arguments (JSON array)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The arguments after the event name, as a JSON array</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ack</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pass an acknowledgement callback and wait for it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>emit — socket.emit(event, ...args) calls made in order once connected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not valid JSON (%1); the last valid value is kept.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>auth must be a JSON object.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The arguments of row %1 are not a JSON array; the last valid value is kept.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not an origin a browser would send (%2)%3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> — did you mean "%1"?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Error: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Warning: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>corslab::gui::RowTable</name>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>Adds a row</source>
            <translation>添加一行</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Removes the selected row</source>
            <translation>删除选中的行</translation>
        </message>
        <message>
            <source>Up</source>
            <translation>上移</translation>
        </message>
        <message>
            <source>Moves the selected row up (the order is kept)</source>
            <translation>将选中的行上移（顺序会被保留）</translation>
        </message>
        <message>
            <source>Down</source>
            <translation>下移</translation>
        </message>
        <message>
            <source>Moves the selected row down (the order is kept)</source>
            <translation>将选中的行下移（顺序会被保留）</translation>
        </message>
    </context>
    <context>
        <name>corslab::gui::SequenceDiagramView</name>
        <message>
            <source>Sequence diagram</source>
            <translation>时序图</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>步骤</translation>
        </message>
        <message>
            <source>No events yet: run the profile to see what crosses the wire.</source>
            <translation>还没有事件：运行配置，看看网络上传输了什么。</translation>
        </message>
        <message>
            <source>request</source>
            <translation>请求</translation>
        </message>
        <message>
            <source>response</source>
            <translation>响应</translation>
        </message>
        <message>
            <source>WebSocket frame</source>
            <translation>WebSocket 帧</translation>
        </message>
        <message>
            <source>Engine.IO / Socket.IO packet</source>
            <translation>Engine.IO / Socket.IO 数据包</translation>
        </message>
        <message>
            <source>page event</source>
            <translation>页面事件</translation>
        </message>
        <message>
            <source>server event</source>
            <translation>服务器事件</translation>
        </message>
        <message>
            <source>CORS check passed</source>
            <translation>CORS 检查通过</translation>
        </message>
        <message>
            <source>CORS check failed</source>
            <translation>CORS 检查失败</translation>
        </message>
        <message>
            <source>same exchange as the selection</source>
            <translation>与选中项属于同一次交换</translation>
        </message>
    </context>
    <context>
        <name>corslab::gui::StringOrListEditor</name>
        <message>
            <source>text, sent as written</source>
            <translation>文本，按原样发送</translation>
        </message>
        <message>
            <source>list, joined with ","</source>
            <translation>列表，以 "," 连接</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
    </context>
    <context>
        <name>corslab::gui::ThemeManager</name>
        <message>
            <source>&amp;Light</source>
            <translation>浅色(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Dark</source>
            <translation>深色(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;System</source>
            <translation>跟随系统(&amp;S)</translation>
        </message>
    </context>
    <context>
        <name>corslab::gui::TimelineFilterModel</name>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Failures only</source>
            <translation>仅失败项</translation>
        </message>
        <message>
            <source>Hide server events</source>
            <translation>隐藏服务器事件</translation>
        </message>
        <message>
            <source>HTTP only</source>
            <translation>仅 HTTP</translation>
        </message>
    </context>
    <context>
        <name>corslab::gui::TimelineModel</name>
        <message>
            <source>Page</source>
            <translation>页面</translation>
        </message>
        <message>
            <source>Browser</source>
            <translation>浏览器</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>网络</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>服务器</translation>
        </message>
        <message>
            <source>setup</source>
            <translation>准备</translation>
        </message>
        <message>
            <source>preflight</source>
            <translation>预检</translation>
        </message>
        <message>
            <source>handshake</source>
            <translation>握手</translation>
        </message>
        <message>
            <source>connect</source>
            <translation>连接</translation>
        </message>
        <message>
            <source>poll</source>
            <translation>轮询</translation>
        </message>
        <message>
            <source>send</source>
            <translation>发送</translation>
        </message>
        <message>
            <source>upgrade</source>
            <translation>升级</translation>
        </message>
        <message>
            <source>heartbeat</source>
            <translation>心跳</translation>
        </message>
        <message>
            <source>events</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>verdict</source>
            <translation>结论</translation>
        </message>
        <message>
            <source>note</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>request</source>
            <translation>请求</translation>
        </message>
        <message>
            <source>response</source>
            <translation>响应</translation>
        </message>
        <message>
            <source>CORS check</source>
            <translation>CORS 检查</translation>
        </message>
        <message>
            <source>WebSocket frame</source>
            <translation>WebSocket 帧</translation>
        </message>
        <message>
            <source>packet</source>
            <translation>数据包</translation>
        </message>
        <message>
            <source>page event</source>
            <translation>页面事件</translation>
        </message>
        <message>
            <source>server event</source>
            <translation>服务器事件</translation>
        </message>
        <message>
            <source>✓ pass</source>
            <translation>✓ 通过</translation>
        </message>
        <message>
            <source>✗ fail</source>
            <translation>✗ 失败</translation>
        </message>
        <message>
            <source>Chromium: %1 · Firefox: %2</source>
            <translation>Chromium：%1 · Firefox：%2</translation>
        </message>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Side</source>
            <translation>端</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>步骤</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>层</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>CORS</source>
            <translation>CORS</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 秒</translation>
        </message>
        <message>
            <source>%1 ms</source>
            <translation>%1 毫秒</translation>
        </message>
    </context>
    <context>
        <name>corslab::gui::TimelinePane</name>
        <message>
            <source>Filter: text in summary or headers</source>
            <translation>筛选：摘要或头部中的文本</translation>
        </message>
        <message>
            <source>Shows the events whose summary or detail contains this text (case-insensitive).</source>
            <translation>显示摘要或详情中包含此文本的事件（不区分大小写）。</translation>
        </message>
        <message>
            <source>Layers</source>
            <translation>层</translation>
        </message>
        <message>
            <source>Which protocol layers to show</source>
            <translation>要显示哪些协议层</translation>
        </message>
        <message>
            <source>Failures only: failed CORS checks, refused responses and errors, with the rest of their exchange. HTTP only: requests, responses and their CORS checks.</source>
            <translation>仅失败项：失败的 CORS 检查、被拒绝的响应和错误，以及它们所在交换中的其余事件。仅 HTTP：请求、响应及其 CORS 检查。</translation>
        </message>
        <message>
            <source>Table</source>
            <translation>表格</translation>
        </message>
        <message>
            <source>Show the events as a table instead of a diagram (Ctrl+T)</source>
            <translation>以表格而不是图表显示事件（Ctrl+T）</translation>
        </message>
        <message>
            <source>Show:</source>
            <translation>显示：</translation>
        </message>
        <message>
            <source>Layers (%1)</source>
            <translation>层（%1）</translation>
        </message>
    </context>
    <context>
        <name>corslab::gui::TransportListEditor</name>
        <message>
            <source>Up</source>
            <translation>上移</translation>
        </message>
        <message>
            <source>Tried earlier</source>
            <translation>更早尝试</translation>
        </message>
        <message>
            <source>Down</source>
            <translation>下移</translation>
        </message>
        <message>
            <source>Tried later</source>
            <translation>更晚尝试</translation>
        </message>
    </context>
    <context>
        <name>corslab::gui::VerdictBanner</name>
        <message>
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>Show what each browser prints, what the page's connect_error holds, the notes and the fix as code</source>
            <translation>显示各浏览器输出的信息、页面 connect_error 的内容、说明，以及代码形式的修复</translation>
        </message>
        <message>
            <source>&amp;Apply fix</source>
            <translation>应用修复(&amp;A)</translation>
        </message>
        <message>
            <source>Change the profile as the fix says and run it again</source>
            <translation>按修复建议修改配置并重新运行</translation>
        </message>
        <message>
            <source>Copy &amp;server code</source>
            <translation>复制服务器代码(&amp;S)</translation>
        </message>
        <message>
            <source>Copy the Socket.IO server's JavaScript (with the fix, when there is one) to the clipboard</source>
            <translation>把 Socket.IO 服务器的 JavaScript 代码（有修复时包含修复）复制到剪贴板</translation>
        </message>
        <message>
            <source>Copy &amp;client code</source>
            <translation>复制客户端代码(&amp;C)</translation>
        </message>
        <message>
            <source>Copy the page's io() call (with the fix, when there is one) to the clipboard</source>
            <translation>把页面的 io() 调用（有修复时包含修复）复制到剪贴板</translation>
        </message>
        <message>
            <source>RUNNING…</source>
            <translation>正在运行…</translation>
        </message>
        <message>
            <source>NO RUN YET</source>
            <translation>尚未运行</translation>
        </message>
        <message>
            <source>Run the profile to see whether a browser would let the page connect, and why not.</source>
            <translation>运行配置，看看浏览器是否允许页面建立连接，以及不允许的原因。</translation>
        </message>
        <message>
            <source>COULD NOT RUN</source>
            <translation>无法运行</translation>
        </message>
        <message>
            <source>CONNECTED</source>
            <translation>已连接</translation>
        </message>
        <message>
            <source>BLOCKED</source>
            <translation>已拦截</translation>
        </message>
        <message>
            <source>REFUSED</source>
            <translation>被拒绝</translation>
        </message>
        <message>
            <source>NETWORK ERROR</source>
            <translation>网络错误</translation>
        </message>
        <message>
            <source>TIMEOUT</source>
            <translation>超时</translation>
        </message>
        <message>
            <source>Verdict "%1" in %2's rules</source>
            <translation>按 %2 的规则得出的结论 "%1"</translation>
        </message>
        <message>
            <source>over %1</source>
            <translation>通过 %1</translation>
        </message>
        <message>
            <source>✓ as expected</source>
            <translation>✓ 符合预期</translation>
        </message>
        <message>
            <source>✗ expected %1</source>
            <translation>✗ 预期为 %1</translation>
        </message>
        <message>
            <source>The profile expects: %1</source>
            <translation>配置的预期：%1</translation>
        </message>
        <message>
            <source>✗ expected to connect</source>
            <translation>✗ 预期应连接成功</translation>
        </message>
        <message>
            <source>The page connected: the browser let every response through and the server accepted the client.</source>
            <translation>页面已连接：浏览器放行了所有响应，服务器也接受了该客户端。</translation>
        </message>
        <message>
            <source>The server answered, but %1's CORS check refused to hand the response to the page.</source>
            <translation>服务器已经作出响应，但 %1 的 CORS 检查拒绝把响应交给页面。</translation>
        </message>
        <message>
            <source>The browser let the response through, but the server said no: "%1".</source>
            <translation>浏览器放行了响应，但服务器拒绝了连接：“%1”。</translation>
        </message>
        <message>
            <source>The connection failed without an answer the page could read (%1).</source>
            <translation>连接失败，页面没有拿到可读取的响应（%1）。</translation>
        </message>
        <message>
            <source>Nothing settled the connection before the client's timeout.</source>
            <translation>在客户端超时之前，连接既没有建立也没有失败。</translation>
        </message>
        <message>
            <source>CorsLab has no profile change to suggest for this.</source>
            <translation>CorsLab 无法为此给出配置修改建议。</translation>
        </message>
        <message numerus="yes">
            <source>None of the %n profile change(s) CorsLab tried turned this run green.</source>
            <translation>
                <numerusform>CorsLab 尝试了 %n 种配置修改，都没能让这次运行成功。</numerusform>
            </translation>
        </message>
        <message>
            <source>Fix (client side): %1</source>
            <translation>修复（客户端）：%1</translation>
        </message>
        <message>
            <source>Fix (server side): %1</source>
            <translation>修复（服务器端）：%1</translation>
        </message>
        <message>
            <source>Chrome says (%1):</source>
            <translation>Chrome 提示（%1）：</translation>
        </message>
        <message>
            <source>Firefox (zh-CN) says (%1):</source>
            <translation>Firefox（简体中文）提示（%1）：</translation>
        </message>
        <message>
            <source>Firefox says (%1):</source>
            <translation>Firefox 提示（%1）：</translation>
        </message>
        <message>
            <source>%1's console says:</source>
            <translation>%1 控制台提示：</translation>
        </message>
        <message>
            <source>The page's connect_error handler gets:</source>
            <translation>页面的 connect_error 处理函数收到：</translation>
        </message>
        <message>
            <source>Notes:</source>
            <translation>说明：</translation>
        </message>
        <message>
            <source>The fix, proven by a re-run that connected (client code):</source>
            <translation>修复（已通过重新运行验证可以连接；客户端代码）：</translation>
        </message>
        <message>
            <source>The fix, proven by a re-run that connected (server code):</source>
            <translation>修复（已通过重新运行验证可以连接；服务器代码）：</translation>
        </message>
        <message>
            <source>Tried without success: %1</source>
            <translation>已尝试但未成功：%1</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Reproduce, understand and fix Socket.IO CORS problems.</source>
            <translation>复现、理解并修复 Socket.IO 的 CORS 问题。</translation>
        </message>
        <message>
            <source>A *.corslab.json profile, or the name of a bundled example.</source>
            <translation>一个 *.corslab.json 配置文件，或内置示例的名称。</translation>
        </message>
    </context>
</TS>
