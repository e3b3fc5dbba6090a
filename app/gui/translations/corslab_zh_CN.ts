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
        <translation>表单</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Server code copied</source>
        <translation>已复制服务器代码</translation>
    </message>
    <message>
        <source>Client code copied</source>
        <translation>已复制客户端代码</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Run the profile: start the server, connect the page, judge (F5)</source>
        <translation>运行配置：启动服务器、连接页面并得出结论（F5）</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Re-run after &amp;edits</source>
        <translation>编辑后重新运行(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Keep server running</source>
        <translation>保持服务器运行(&amp;K)</translation>
    </message>
    <message>
        <source>Serve the profile&apos;s server for a real web app and show its traffic</source>
        <translation>为真实的 Web 应用提供此配置的服务器，并显示其流量</translation>
    </message>
    <message>
        <source>&amp;Apply fix</source>
        <translation>应用修复(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run this profile&apos;s code?</source>
        <translation>运行此配置中的代码吗？</translation>
    </message>
    <message>
        <source>This profile contains JavaScript that CorsLab will run in its sandbox (no file or network access, 1 s time limit). Look at it before running it.</source>
        <translation>此配置包含 CorsLab 将在其沙箱中运行的 JavaScript（无文件和网络访问权限，时限 1 秒）。运行之前请先检查这些代码。</translation>
    </message>
    <message>
        <source>The profile has errors: fix them before running</source>
        <translation>配置有错误：请在运行前修正</translation>
    </message>
    <message>
        <source>Not run: the profile&apos;s code was not accepted</source>
        <translation>未运行：配置中的代码未被接受</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>%1 in %2 ms</source>
        <translation>%1，用时 %2 毫秒</translation>
    </message>
    <message>
        <source>No proven fix to apply</source>
        <translation>没有经过验证的修复可以应用</translation>
    </message>
    <message>
        <source>Fix applied: %1 (Edit → Undo in the text restores it)</source>
        <translation>已应用修复：%1（在文本中使用“编辑 → 撤销”可以恢复）</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Discard your changes and reload the file?</source>
        <translation>放弃你的更改并重新加载文件吗？</translation>
    </message>
    <message>
        <source>Server stopped</source>
        <translation>服务器已停止</translation>
    </message>
    <message>
        <source>The profile has errors: fix them before serving</source>
        <translation>配置有错误：请在启动服务前修正</translation>
    </message>
    <message>
        <source>The server could not start: %1</source>
        <translation>服务器无法启动：%1</translation>
    </message>
    <message>
        <source>Serving at %1 — connect a real page with io(&quot;%1&quot;)</source>
        <translation>正在 %1 提供服务 — 用 io(&quot;%1&quot;) 连接真实页面</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
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
        <source>ms between the server&apos;s pings</source>
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
        <source>Wildcard &quot;*&quot; accepted</source>
        <translation>接受通配符 &quot;*&quot;</translation>
    </message>
    <message>
        <source>&quot;*&quot; allowed: no credentials</source>
        <translation>允许 &quot;*&quot;：不携带凭据</translation>
    </message>
    <message>
        <source>not &quot;*&quot;: credentials mode is include</source>
        <translation>不能是 &quot;*&quot;：凭据模式为 include</translation>
    </message>
    <message>
        <source>Fetch §4.9 CORS check, step 3</source>
        <translation>Fetch §4.9 CORS 检查，第 3 步</translation>
    </message>
    <message>
        <source>Allowed origin equals the request&apos;s origin</source>
        <translation>允许的源与请求的源相同</translation>
    </message>
    <message>
        <source>Fetch §4.9 CORS check, step 4</source>
        <translation>Fetch §4.9 CORS 检查，第 4 步</translation>
    </message>
    <message>
        <source>Access-Control-Allow-Credentials is &quot;true&quot;</source>
        <translation>Access-Control-Allow-Credentials 为 &quot;true&quot;</translation>
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
        <source>The page&apos;s origin: the browser adds it and the server&apos;s cors options decide whether to allow it.</source>
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
        <source>Which origin may read the response: compared with the request&apos;s Origin (Fetch §4.9 CORS check, steps 2–4).</source>
        <translation>哪个源可以读取响应：与请求的 Origin 比较（Fetch §4.9 CORS 检查，第 2–4 步）。</translation>
    </message>
    <message>
        <source>Must be exactly &quot;true&quot; for a request with credentials (Fetch §4.9 CORS check, step 7).</source>
        <translation>对携带凭据的请求必须恰好为 &quot;true&quot;（Fetch §4.9 CORS 检查，第 7 步）。</translation>
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
        <source>Response headers the page&apos;s script may read beyond the safelisted ones.</source>
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
        <translation>添加命名空间</translation>
    </message>
    <message>
        <source>namespaces — declares io.of(name), optionally with a middleware.</source>
        <translation>namespaces — 声明 io.of(name)，可附带一个中间件。</translation>
    </message>
    <message>
        <source>namespaces[].name — the namespace clients connect to, such as &quot;/admin&quot;.</source>
        <translation>namespaces[].name — 客户端连接的命名空间，例如 &quot;/admin&quot;。</translation>
    </message>
    <message>
        <source>Middleware (socket, next)</source>
        <translation>中间件 (socket, next)</translation>
    </message>
    <message>
        <source>namespaces[].middleware — io.of(name).use(fn): runs before each connection; next(new Error(...)) refuses it.</source>
        <translation>namespaces[].middleware — io.of(name).use(fn)：在每次连接之前运行；next(new Error(...)) 会拒绝该连接。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Removes this namespace</source>
        <translation>删除此命名空间</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
</context>
<context>
    <name>corslab::gui::OriginEditor</name>
    <message>
        <source>An empty origin turns CORS off: the cors package sends no headers at all (choose &quot;false&quot; to say so).</source>
        <translation>空的 origin 会关闭 CORS：cors 包完全不发送任何头（若本意如此，请选择 &quot;false&quot;）。</translation>
    </message>
    <message>
        <source>A comma-separated list is sent as one header value, which browsers reject; use the list mode.</source>
        <translation>逗号分隔的列表会作为一个头的值发送，浏览器会拒绝它；请使用列表模式。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no scheme; browsers send &quot;http://...&quot; or &quot;https://...&quot;.</source>
        <translation>&quot;%1&quot; 没有协议；浏览器发送的是 &quot;http://...&quot; 或 &quot;https://...&quot;。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; ends with &quot;/&quot;; the Origin header never does.</source>
        <translation>&quot;%1&quot; 以 &quot;/&quot; 结尾；Origin 头从不这样。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a path; an Origin is only scheme://host[:port].</source>
        <translation>&quot;%1&quot; 带有路径；Origin 只有 scheme://host[:port]。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not what a browser sends: %2.</source>
        <translation>&quot;%1&quot; 不是浏览器会发送的值：%2。</translation>
    </message>
    <message>
        <source>Did you mean &quot;%1&quot;?</source>
        <translation>你是想写 &quot;%1&quot; 吗？</translation>
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
        <source>true — reflect the request&apos;s Origin</source>
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
        <source>cors.origin as a string — sent as Access-Control-Allow-Origin verbatim; &quot;*&quot; allows any page without credentials.</source>
        <translation>cors.origin 为字符串 — 原样作为 Access-Control-Allow-Origin 发送；&quot;*&quot; 允许任何不携带凭据的页面。</translation>
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
        <source>cors.origin as an array — the request&apos;s Origin is reflected when it equals an entry or matches a RegExp entry.</source>
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
        <source>The request&apos;s Origin is sent back as Access-Control-Allow-Origin: every page is allowed, with credentials too.</source>
        <translation>请求的 Origin 会作为 Access-Control-Allow-Origin 原样返回：所有页面都被允许，携带凭据的也一样。</translation>
    </message>
    <message>
        <source>The cors package sends no CORS headers at all: browsers block every cross-origin request.</source>
        <translation>cors 包完全不发送 CORS 头：浏览器会拦截所有跨源请求。</translation>
    </message>
    <message>
        <source>&quot;*&quot; inside a list is a literal string that matches no Origin.</source>
        <translation>列表中的 &quot;*&quot; 只是一个普通字符串，不匹配任何 Origin。</translation>
    </message>
    <message>
        <source>Entry %1: %2</source>
        <translation>第 %1 项：%2</translation>
    </message>
    <message>
        <source>Not anchored with ^ and $: it also matches origins that merely contain it, such as &quot;https://example.com.attacker.test&quot;.</source>
        <translation>没有用 ^ 和 $ 锚定：它也会匹配仅仅包含它的源，例如 &quot;https://example.com.attacker.test&quot;。</translation>
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
        <translation>所有请求</translation>
    </message>
    <message>
        <source>preflights (OPTIONS) only</source>
        <translation>仅预检请求（OPTIONS）</translation>
    </message>
    <message>
        <source>every request but preflights</source>
        <translation>除预检请求外的所有请求</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Kept as written (this version has no field for them): %1</source>
        <translation>按原样保留（此版本没有对应的字段）：%1</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>name — what this profile reproduces, shown in the title bar.</source>
        <translation>name — 此配置复现的问题，显示在标题栏中。</translation>
    </message>
    <message>
        <source>description — one line saying what happens and why.</source>
        <translation>description — 用一行说明发生了什么以及原因。</translation>
    </message>
    <message>
        <source>$schema — the JSON Schema editors use to complete the file; CorsLab only keeps it.</source>
        <translation>$schema — 编辑器用来补全文件的 JSON Schema；CorsLab 只是保留它。</translation>
    </message>
    <message>
        <source>expect.verdict — how a run should end; a run that ends otherwise is reported as unexpected.</source>
        <translation>expect.verdict — 运行应有的结果；结果不同的运行会被报告为不符合预期。</translation>
    </message>
    <message>
        <source>no expectation</source>
        <translation>无预期</translation>
    </message>
    <message>
        <source>expect.reason — the browser&apos;s CORS error name (such as MissingAllowOriginHeader) or the server&apos;s refusal message; empty accepts any reason.</source>
        <translation>expect.reason — 浏览器的 CORS 错误名称（例如 MissingAllowOriginHeader）或服务器的拒绝消息；留空则接受任何原因。</translation>
    </message>
    <message>
        <source>any reason</source>
        <translation>任何原因</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Expect</source>
        <translation>预期</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Where the server listens</source>
        <translation>服务器监听的位置</translation>
    </message>
    <message>
        <source>host — the interface the embedded server binds; 127.0.0.1 keeps it on this machine.</source>
        <translation>host — 内置服务器绑定的网络接口；127.0.0.1 表示只在本机可用。</translation>
    </message>
    <message>
        <source>port — the port the embedded server listens on; 0 picks a free one.</source>
        <translation>port — 内置服务器监听的端口；0 表示自动选择空闲端口。</translation>
    </message>
    <message>
        <source>0 (any free port)</source>
        <translation>0（任意空闲端口）</translation>
    </message>
    <message>
        <source>path — the HTTP path Socket.IO answers on; the client&apos;s path must match it.</source>
        <translation>path — Socket.IO 响应的 HTTP 路径；客户端的 path 必须与之一致。</translation>
    </message>
    <message>
        <source>Also answer the path with a trailing slash</source>
        <translation>也响应带末尾斜杠的路径</translation>
    </message>
    <message>
        <source>addTrailingSlash — answers /socket.io/ as well as /socket.io.</source>
        <translation>addTrailingSlash — 同时响应 /socket.io/ 和 /socket.io。</translation>
    </message>
    <message>
        <source>host</source>
        <translation>host</translation>
    </message>
    <message>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <source>path</source>
        <translation>path</translation>
    </message>
    <message>
        <source>CORS (cors)</source>
        <translation>CORS（cors）</translation>
    </message>
    <message>
        <source>cors — the cors package&apos;s options; unchecked, the server sends no CORS headers at all (Socket.IO 3 and later).</source>
        <translation>cors — cors 包的选项；不勾选时，服务器完全不发送 CORS 头（Socket.IO 3 及以后版本）。</translation>
    </message>
    <message>
        <source>cors.origin — which page origins get Access-Control-Allow-Origin, and how the header is chosen.</source>
        <translation>cors.origin — 哪些页面源会得到 Access-Control-Allow-Origin，以及该头的值如何确定。</translation>
    </message>
    <message>
        <source>cors.methods — the methods listed in Access-Control-Allow-Methods of preflight responses.</source>
        <translation>cors.methods — 预检响应的 Access-Control-Allow-Methods 中列出的方法。</translation>
    </message>
    <message>
        <source>not set: reflect the requested headers</source>
        <translation>未设置：原样返回所请求的头</translation>
    </message>
    <message>
        <source>cors.allowedHeaders — the request headers a preflight allows; not set, the requested ones are reflected.</source>
        <translation>cors.allowedHeaders — 预检请求允许的请求头；未设置时原样返回所请求的头。</translation>
    </message>
    <message>
        <source>not set: expose none</source>
        <translation>未设置：不暴露任何头</translation>
    </message>
    <message>
        <source>cors.exposedHeaders — response headers the page may read (Access-Control-Expose-Headers).</source>
        <translation>cors.exposedHeaders — 页面可以读取的响应头（Access-Control-Expose-Headers）。</translation>
    </message>
    <message>
        <source>Allow credentials</source>
        <translation>允许凭据</translation>
    </message>
    <message>
        <source>cors.credentials — sends Access-Control-Allow-Credentials: true so the browser hands credentialed responses to the page.</source>
        <translation>cors.credentials — 发送 Access-Control-Allow-Credentials: true，使浏览器把携带凭据的响应交给页面。</translation>
    </message>
    <message>
        <source>cors.maxAge — how long a browser may cache a preflight (Access-Control-Max-Age).</source>
        <translation>cors.maxAge — 浏览器可以缓存预检响应多长时间（Access-Control-Max-Age）。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>text, sent as written</source>
        <translation>文本，按原样发送</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Pass preflights on to the server</source>
        <translation>把预检请求转交给服务器</translation>
    </message>
    <message>
        <source>cors.preflightContinue — hands OPTIONS requests to the next handler instead of answering them (Socket.IO then answers 400).</source>
        <translation>cors.preflightContinue — 把 OPTIONS 请求交给下一个处理程序，而不是直接响应（此时 Socket.IO 会返回 400）。</translation>
    </message>
    <message>
        <source>cors.optionsSuccessStatus — the status of a successful preflight response.</source>
        <translation>cors.optionsSuccessStatus — 成功的预检响应的状态码。</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>源</translation>
    </message>
    <message>
        <source>methods</source>
        <translation>methods</translation>
    </message>
    <message>
        <source>allowedHeaders</source>
        <translation>allowedHeaders</translation>
    </message>
    <message>
        <source>exposedHeaders</source>
        <translation>exposedHeaders</translation>
    </message>
    <message>
        <source>maxAge</source>
        <translation>maxAge</translation>
    </message>
    <message>
        <source>optionsSuccessStatus</source>
        <translation>optionsSuccessStatus</translation>
    </message>
    <message>
        <source>Check each request (allowRequest)</source>
        <translation>检查每个请求（allowRequest）</translation>
    </message>
    <message>
        <source>allowRequest — a function (req, callback) that may refuse a handshake or upgrade before any CORS header is sent.</source>
        <translation>allowRequest — 一个函数 (req, callback)，可以在发送任何 CORS 头之前拒绝握手或升级。</translation>
    </message>
    <message>
        <source>allowRequest — callback(null, true) lets the request through; callback(&quot;message&quot;, false) refuses it with HTTP 403.</source>
        <translation>allowRequest — callback(null, true) 放行请求；callback(&quot;message&quot;, false) 以 HTTP 403 拒绝它。</translation>
    </message>
    <message>
        <source>Transports and timing</source>
        <translation>传输方式与时间</translation>
    </message>
    <message>
        <source>transports — the transports the server accepts; a client asking for another one gets &quot;Transport unknown&quot;.</source>
        <translation>transports — 服务器接受的传输方式；请求其他传输方式的客户端会得到 &quot;Transport unknown&quot;。</translation>
    </message>
    <message>
        <source>Allow upgrading from polling to WebSocket</source>
        <translation>允许从轮询升级到 WebSocket</translation>
    </message>
    <message>
        <source>allowUpgrades — lets a polling connection move to WebSocket.</source>
        <translation>allowUpgrades — 允许轮询连接切换到 WebSocket。</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>pingInterval — how often the server sends a ping to check the connection.</source>
        <translation>pingInterval — 服务器发送 ping 检查连接的间隔。</translation>
    </message>
    <message>
        <source>pingTimeout — how long the server waits for the pong before closing.</source>
        <translation>pingTimeout — 服务器在关闭连接前等待 pong 的时间。</translation>
    </message>
    <message>
        <source>upgradeTimeout — how long an unfinished WebSocket upgrade may take.</source>
        <translation>upgradeTimeout — 未完成的 WebSocket 升级最多可以持续多久。</translation>
    </message>
    <message>
        <source>connectTimeout — how long a client may take to join a namespace before it is closed.</source>
        <translation>connectTimeout — 客户端加入命名空间的最长时间，超时后连接被关闭。</translation>
    </message>
    <message>
        <source>maxHttpBufferSize — the largest message the server accepts before closing the connection.</source>
        <translation>maxHttpBufferSize — 服务器接受的最大消息，超过则关闭连接。</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source>Accept Socket.IO v2 clients (EIO=3)</source>
        <translation>接受 Socket.IO v2 客户端（EIO=3）</translation>
    </message>
    <message>
        <source>allowEIO3 — accepts clients that speak the Engine.IO 3 protocol.</source>
        <translation>allowEIO3 — 接受使用 Engine.IO 3 协议的客户端。</translation>
    </message>
    <message>
        <source>Compress polling responses</source>
        <translation>压缩轮询响应</translation>
    </message>
    <message>
        <source>httpCompression — compresses polling bodies of 1024 bytes or more when the client accepts it.</source>
        <translation>httpCompression — 客户端支持时，压缩 1024 字节及以上的轮询响应体。</translation>
    </message>
    <message>
        <source>initialPacket — JSON sent as a message right after the open packet; empty sends none.</source>
        <translation>initialPacket — 在 open 数据包之后立即作为消息发送的 JSON；留空则不发送。</translation>
    </message>
    <message>
        <source>transports</source>
        <translation>transports</translation>
    </message>
    <message>
        <source>pingInterval</source>
        <translation>pingInterval</translation>
    </message>
    <message>
        <source>pingTimeout</source>
        <translation>pingTimeout</translation>
    </message>
    <message>
        <source>upgradeTimeout</source>
        <translation>upgradeTimeout</translation>
    </message>
    <message>
        <source>connectTimeout</source>
        <translation>connectTimeout</translation>
    </message>
    <message>
        <source>maxHttpBufferSize</source>
        <translation>maxHttpBufferSize</translation>
    </message>
    <message>
        <source>initialPacket</source>
        <translation>initialPacket</translation>
    </message>
    <message>
        <source>Session cookie (cookie)</source>
        <translation>会话 Cookie（cookie）</translation>
    </message>
    <message>
        <source>cookie — whether the handshake sets the engine.io session cookie (load balancers use it for stickiness).</source>
        <translation>cookie — 握手时是否设置 engine.io 会话 Cookie（负载均衡器用它实现会话粘滞）。</translation>
    </message>
    <message>
        <source>off (false)</source>
        <translation>关闭（false）</translation>
    </message>
    <message>
        <source>on with defaults (true)</source>
        <translation>使用默认值开启（true）</translation>
    </message>
    <message>
        <source>on with these options</source>
        <translation>使用以下选项开启</translation>
    </message>
    <message>
        <source>cookie</source>
        <translation>cookie</translation>
    </message>
    <message>
        <source>cookie.name — the cookie&apos;s name (&quot;io&quot; when not set).</source>
        <translation>cookie.name — Cookie 的名称（未设置时为 &quot;io&quot;）。</translation>
    </message>
    <message>
        <source>cookie.path — the cookie&apos;s Path attribute; false sends none.</source>
        <translation>cookie.path — Cookie 的 Path 属性；false 表示不发送。</translation>
    </message>
    <message>
        <source>not set (&quot;/&quot;)</source>
        <translation>未设置（&quot;/&quot;）</translation>
    </message>
    <message>
        <source>false: no Path attribute</source>
        <translation>false：没有 Path 属性</translation>
    </message>
    <message>
        <source>cookie.domain — the Domain attribute: which hosts the browser sends the cookie to.</source>
        <translation>cookie.domain — Domain 属性：浏览器会把 Cookie 发送给哪些主机。</translation>
    </message>
    <message>
        <source>cookie.httpOnly — hides the cookie from the page&apos;s JavaScript.</source>
        <translation>cookie.httpOnly — 不让页面的 JavaScript 读取该 Cookie。</translation>
    </message>
    <message>
        <source>cookie.secure — the browser sends the cookie over HTTPS only.</source>
        <translation>cookie.secure — 浏览器只通过 HTTPS 发送该 Cookie。</translation>
    </message>
    <message>
        <source>cookie.sameSite — whether cross-site requests carry the cookie; &quot;none&quot; needs secure.</source>
        <translation>cookie.sameSite — 跨站请求是否携带该 Cookie；&quot;none&quot; 需要同时设置 secure。</translation>
    </message>
    <message>
        <source>cookie.maxAge — seconds until the cookie expires; not set, it lasts the session.</source>
        <translation>cookie.maxAge — Cookie 过期前的秒数；未设置时在会话期间有效。</translation>
    </message>
    <message>
        <source>cookie.partitioned — stores the cookie per top-level site (CHIPS).</source>
        <translation>cookie.partitioned — 按顶级站点分区存储 Cookie（CHIPS）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>domain</source>
        <translation>domain</translation>
    </message>
    <message>
        <source>httpOnly</source>
        <translation>httpOnly</translation>
    </message>
    <message>
        <source>secure</source>
        <translation>secure</translation>
    </message>
    <message>
        <source>sameSite</source>
        <translation>sameSite</translation>
    </message>
    <message>
        <source>partitioned</source>
        <translation>partitioned</translation>
    </message>
    <message>
        <source>Namespaces (namespaces)</source>
        <translation>命名空间（namespaces）</translation>
    </message>
    <message>
        <source>namespaces — namespaces besides &quot;/&quot; the server declares, each with an optional middleware.</source>
        <translation>namespaces — 服务器在 &quot;/&quot; 之外声明的命名空间，每个可以附带一个中间件。</translation>
    </message>
    <message>
        <source>Reverse proxy or load balancer in front (proxy, CorsLab&apos;s own)</source>
        <translation>前置的反向代理或负载均衡器（proxy，CorsLab 自有选项）</translation>
    </message>
    <message>
        <source>proxy — what nginx or a load balancer between the browser and the server does; unchecked, the client talks to the server directly.</source>
        <translation>proxy — 位于浏览器和服务器之间的 nginx 或负载均衡器的行为；不勾选时客户端直接与服务器通信。</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>头</translation>
    </message>
    <message>
        <source>The response header&apos;s name</source>
        <translation>响应头的名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>The response header&apos;s value</source>
        <translation>响应头的值</translation>
    </message>
    <message>
        <source>On</source>
        <translation>作用于</translation>
    </message>
    <message>
        <source>Which responses get the header</source>
        <translation>哪些响应会加上该头</translation>
    </message>
    <message>
        <source>proxy.addHeaders — headers the proxy appends to the server&apos;s responses (a second Access-Control-Allow-Origin, say).</source>
        <translation>proxy.addHeaders — 代理追加到服务器响应中的头（例如第二个 Access-Control-Allow-Origin）。</translation>
    </message>
    <message>
        <source>Answer with a redirect (redirect)</source>
        <translation>以重定向响应（redirect）</translation>
    </message>
    <message>
        <source>proxy.redirect — the proxy answers with a redirect instead of forwarding; browsers refuse to follow redirects of preflights.</source>
        <translation>proxy.redirect — 代理以重定向响应，而不转发请求；浏览器拒绝跟随预检请求的重定向。</translation>
    </message>
    <message>
        <source>proxy.redirect.status — the redirect&apos;s HTTP status (300 to 399).</source>
        <translation>proxy.redirect.status — 重定向的 HTTP 状态码（300 到 399）。</translation>
    </message>
    <message>
        <source>proxy.redirect.location — where the redirect points (the Location header).</source>
        <translation>proxy.redirect.location — 重定向的目标（Location 头）。</translation>
    </message>
    <message>
        <source>proxy.redirect.on — which requests are redirected.</source>
        <translation>proxy.redirect.on — 哪些请求会被重定向。</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>location</source>
        <translation>location</translation>
    </message>
    <message>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <source>Drop the Upgrade and Connection headers</source>
        <translation>丢弃 Upgrade 和 Connection 头</translation>
    </message>
    <message>
        <source>proxy.stripUpgrade — the proxy does not pass WebSocket upgrades on (nginx without proxy_set_header Upgrade).</source>
        <translation>proxy.stripUpgrade — 代理不转发 WebSocket 升级（nginx 未配置 proxy_set_header Upgrade）。</translation>
    </message>
    <message>
        <source>proxy.instances — server instances behind the proxy, taking requests in turn.</source>
        <translation>proxy.instances — 代理后面轮流处理请求的服务器实例数。</translation>
    </message>
    <message>
        <source>proxy.sticky — keeps each session on one instance by the engine.io cookie.</source>
        <translation>proxy.sticky — 依据 engine.io Cookie 把每个会话固定在同一个实例上。</translation>
    </message>
    <message>
        <source>none: every request balanced anew</source>
        <translation>none：每个请求都重新分配</translation>
    </message>
    <message>
        <source>cookie: by the engine.io cookie</source>
        <translation>cookie：依据 engine.io Cookie</translation>
    </message>
    <message>
        <source>addHeaders</source>
        <translation>addHeaders</translation>
    </message>
    <message>
        <source>instances</source>
        <translation>instances</translation>
    </message>
    <message>
        <source>sticky</source>
        <translation>sticky</translation>
    </message>
    <message>
        <source>The page and its io() call</source>
        <translation>页面及其 io() 调用</translation>
    </message>
    <message>
        <source>pageOrigin — the origin of the page that calls io(); &quot;same-origin&quot; means the server itself serves the page.</source>
        <translation>pageOrigin — 调用 io() 的页面的源；&quot;same-origin&quot; 表示页面由该服务器自己提供。</translation>
    </message>
    <message>
        <source>The embedded server</source>
        <translation>内置服务器</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL：</translation>
    </message>
    <message>
        <source>url — the server io() connects to: the embedded server, or an http, https, ws or wss URL.</source>
        <translation>url — io() 连接的服务器：内置服务器，或 http、https、ws、wss URL。</translation>
    </message>
    <message>
        <source>browser — whose CORS rules and error messages apply; the Node client has no CORS.</source>
        <translation>browser — 采用哪个浏览器的 CORS 规则和错误消息；Node 客户端没有 CORS。</translation>
    </message>
    <message>
        <source>Chromium</source>
        <translation>Chromium</translation>
    </message>
    <message>
        <source>Firefox</source>
        <translation>Firefox</translation>
    </message>
    <message>
        <source>Node.js client (no CORS)</source>
        <translation>Node.js 客户端（没有 CORS）</translation>
    </message>
    <message>
        <source>namespace — the namespace in io(url + namespace), &quot;/&quot; for the main one.</source>
        <translation>namespace — io(url + namespace) 中的命名空间，主命名空间为 &quot;/&quot;。</translation>
    </message>
    <message>
        <source>Page origin</source>
        <translation>页面源</translation>
    </message>
    <message>
        <source>Connects to</source>
        <translation>连接到</translation>
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
        <translation>io() 选项</translation>
    </message>
    <message>
        <source>path — the HTTP path the client requests; it must match the server&apos;s path.</source>
        <translation>path — 客户端请求的 HTTP 路径；必须与服务器的 path 一致。</translation>
    </message>
    <message>
        <source>query — extra query parameters sent with every request.</source>
        <translation>query — 每个请求都附带的额外查询参数。</translation>
    </message>
    <message>
        <source>auth — a JSON object sent in the CONNECT packet; empty sends none.</source>
        <translation>auth — 在 CONNECT 数据包中发送的 JSON 对象；留空则不发送。</translation>
    </message>
    <message>
        <source>Send cookies and credentials cross-origin</source>
        <translation>跨源发送 Cookie 和凭据</translation>
    </message>
    <message>
        <source>withCredentials — makes cross-origin requests carry cookies; the server must then allow credentials.</source>
        <translation>withCredentials — 让跨源请求携带 Cookie；此时服务器必须允许凭据。</translation>
    </message>
    <message>
        <source>extraHeaders — headers added to polling requests, in this order; any of them triggers a preflight.</source>
        <translation>extraHeaders — 按此顺序添加到轮询请求中的请求头；其中任何一个都会触发预检请求。</translation>
    </message>
    <message>
        <source>transports — the transports the client tries, in this order.</source>
        <translation>transports — 客户端按此顺序尝试的传输方式。</translation>
    </message>
    <message>
        <source>Upgrade to WebSocket after polling</source>
        <translation>轮询后升级到 WebSocket</translation>
    </message>
    <message>
        <source>upgrade — moves the connection from polling to a better transport when it can.</source>
        <translation>upgrade — 条件允许时把连接从轮询切换到更好的传输方式。</translation>
    </message>
    <message>
        <source>Start with WebSocket if it worked last time</source>
        <translation>上次成功时直接使用 WebSocket</translation>
    </message>
    <message>
        <source>rememberUpgrade — skips polling when a previous WebSocket connection succeeded.</source>
        <translation>rememberUpgrade — 如果之前的 WebSocket 连接成功过，就跳过轮询。</translation>
    </message>
    <message>
        <source>timeout — how long the client waits for the connection before connect_error.</source>
        <translation>timeout — 客户端在触发 connect_error 之前等待连接的时间。</translation>
    </message>
    <message>
        <source>Send binary data as base64</source>
        <translation>以 base64 发送二进制数据</translation>
    </message>
    <message>
        <source>forceBase64 — encodes binary packets as base64 text.</source>
        <translation>forceBase64 — 把二进制数据包编码为 base64 文本。</translation>
    </message>
    <message>
        <source>query</source>
        <translation>query</translation>
    </message>
    <message>
        <source>auth</source>
        <translation>auth</translation>
    </message>
    <message>
        <source>extraHeaders</source>
        <translation>extraHeaders</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>timeout</translation>
    </message>
    <message>
        <source>Events sent once connected (emit)</source>
        <translation>连接后发送的事件（emit）</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>The event name passed to socket.emit()</source>
        <translation>传给 socket.emit() 的事件名称</translation>
    </message>
    <message>
        <source>Arguments (JSON array)</source>
        <translation>参数（JSON 数组）</translation>
    </message>
    <message>
        <source>The arguments after the event name, as a JSON array</source>
        <translation>事件名称之后的参数，写成 JSON 数组</translation>
    </message>
    <message>
        <source>Ack</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Pass an acknowledgement callback and wait for it</source>
        <translation>传入确认回调并等待其被调用</translation>
    </message>
    <message>
        <source>emit — socket.emit(event, ...args) calls made in order once connected.</source>
        <translation>emit — 连接后按顺序进行的 socket.emit(event, ...args) 调用。</translation>
    </message>
    <message>
        <source>Not valid JSON (%1); the last valid value is kept.</source>
        <translation>不是有效的 JSON（%1）；保留最后一个有效值。</translation>
    </message>
    <message>
        <source>auth must be a JSON object.</source>
        <translation>auth 必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>The arguments of row %1 are not a JSON array; the last valid value is kept.</source>
        <translation>第 %1 行的参数不是 JSON 数组；保留最后一个有效值。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an origin a browser would send (%2)%3</source>
        <translation>&quot;%1&quot; 不是浏览器会发送的源（%2）%3</translation>
    </message>
    <message>
        <source> — did you mean &quot;%1&quot;?</source>
        <translation> — 你是想写 &quot;%1&quot; 吗？</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
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
    <message>
        <source>%1 (first %2 of %3 events)</source>
        <translation>%1（%3 个事件中的前 %2 个）</translation>
    </message>
</context>
<context>
    <name>corslab::gui::ShareActions</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Report as &amp;Markdown...</source>
        <translation>Markdown 报告(&amp;M)...</translation>
    </message>
    <message>
        <source>Export a Markdown report</source>
        <translation>导出 Markdown 报告</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Report as &amp;HTML page...</source>
        <translation>HTML 页面报告(&amp;H)...</translation>
    </message>
    <message>
        <source>Export an HTML report</source>
        <translation>导出 HTML 报告</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML 页面 (*.html)</translation>
    </message>
    <message>
        <source>Timeline as &amp;picture (PNG)...</source>
        <translation>时间线图片（PNG）(&amp;P)...</translation>
    </message>
    <message>
        <source>Export the timeline as a picture</source>
        <translation>将时间线导出为图片</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>&amp;HAR (HTTP Archive)...</source>
        <translation>HAR（HTTP 存档）(&amp;H)...</translation>
    </message>
    <message>
        <source>Export the exchanges as HAR</source>
        <translation>将交换过程导出为 HAR</translation>
    </message>
    <message>
        <source>HTTP Archive (*.har)</source>
        <translation>HTTP 存档 (*.har)</translation>
    </message>
    <message>
        <source>&amp;Server code (ES module)...</source>
        <translation>服务器代码（ES 模块）(&amp;S)...</translation>
    </message>
    <message>
        <source>Export the server code</source>
        <translation>导出服务器代码</translation>
    </message>
    <message>
        <source>JavaScript (*.mjs *.js)</source>
        <translation>JavaScript (*.mjs *.js)</translation>
    </message>
    <message>
        <source>Server code (&amp;CommonJS)...</source>
        <translation>服务器代码（CommonJS）(&amp;C)...</translation>
    </message>
    <message>
        <source>JavaScript (*.cjs *.js)</source>
        <translation>JavaScript (*.cjs *.js)</translation>
    </message>
    <message>
        <source>C&amp;lient code...</source>
        <translation>客户端代码(&amp;L)...</translation>
    </message>
    <message>
        <source>Export the client code</source>
        <translation>导出客户端代码</translation>
    </message>
    <message>
        <source>JavaScript (*.js *.mjs)</source>
        <translation>JavaScript (*.js *.mjs)</translation>
    </message>
    <message>
        <source>&amp;Explain an error...</source>
        <translation>解释错误(&amp;E)...</translation>
    </message>
    <message>
        <source>Paste a CORS error from Chrome&apos;s or Firefox&apos;s console: CorsLab says what it means, reproduces it and finds the fix</source>
        <translation>粘贴 Chrome 或 Firefox 控制台中的 CORS 错误：CorsLab 说明其含义、重现它并找出修复方法</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;HAR from your browser...</source>
        <translation>浏览器导出的 HAR(&amp;H)...</translation>
    </message>
    <message>
        <source>Import a HAR (Save all as HAR in Chrome or Firefox)</source>
        <translation>导入 HAR（在 Chrome 或 Firefox 中“全部另存为 HAR”）</translation>
    </message>
    <message>
        <source>HTTP Archive (*.har *.json)</source>
        <translation>HTTP 存档 (*.har *.json)</translation>
    </message>
    <message>
        <source>&amp;Profile from the imported HAR</source>
        <translation>根据导入的 HAR 创建配置(&amp;P)</translation>
    </message>
    <message>
        <source>Server and client &amp;code...</source>
        <translation>服务器和客户端代码(&amp;C)...</translation>
    </message>
    <message>
        <source>A HAR is being imported already</source>
        <translation>已有一个 HAR 正在导入</translation>
    </message>
    <message>
        <source>%1 is %2 MB; a HAR larger than %3 MB is not imported</source>
        <translation>%1 大小为 %2 MB；超过 %3 MB 的 HAR 不会被导入</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Importing %1...</source>
        <translation>正在导入 %1...</translation>
    </message>
    <message>
        <source>Imported %1 Socket.IO requests of %2 entries, judged in %3&apos;s rules: %4</source>
        <translation>已从 %2 个条目中导入 %1 个 Socket.IO 请求，按 %3 的规则判定：%4</translation>
    </message>
    <message>
        <source>Import a HAR first (File → Import → HAR from your browser)</source>
        <translation>请先导入 HAR（文件 → 导入 → 浏览器导出的 HAR）</translation>
    </message>
    <message>
        <source>Profile inferred from the HAR: run it (F5) to reproduce the problem and prove a fix</source>
        <translation>已根据 HAR 推断出配置：运行它（F5）以重现问题并验证修复</translation>
    </message>
    <message>
        <source>Paste server code, client code or both</source>
        <translation>请粘贴服务器代码、客户端代码或两者</translation>
    </message>
    <message>
        <source>Profile updated from the code (Edit → Undo in the text restores it)</source>
        <translation>已根据代码更新配置（在文本中使用“编辑 → 撤销”可以恢复）</translation>
    </message>
    <message>
        <source>Import server and client code</source>
        <translation>导入服务器和客户端代码</translation>
    </message>
    <message>
        <source>Paste the code that creates your Socket.IO server (new Server(httpServer, {...}), require(&quot;socket.io&quot;)(server, {...}), io.use(...)) and the code that connects the page (io(&quot;https://...&quot;, {...})). It is evaluated in a sandbox without network or files; functions are kept as source.</source>
        <translation>粘贴创建 Socket.IO 服务器的代码（new Server(httpServer, {...})、require(&quot;socket.io&quot;)(server, {...})、io.use(...)）以及页面连接服务器的代码（io(&quot;https://...&quot;, {...})）。代码在没有网络和文件访问的沙箱中执行；函数按源代码保留。</translation>
    </message>
    <message>
        <source>Server code</source>
        <translation>服务器代码</translation>
    </message>
    <message>
        <source>Client code</source>
        <translation>客户端代码</translation>
    </message>
    <message>
        <source>Import into the profile</source>
        <translation>导入到配置</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Explain an error</source>
        <translation>解释错误</translation>
    </message>
    <message>
        <source>Paste what Chrome&apos;s or Firefox&apos;s console printed (English or Chinese), or the connect_error message your page logged</source>
        <translation>粘贴 Chrome 或 Firefox 控制台打印的内容（英文或中文），或页面记录的 connect_error 消息</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>Reproduce and find the fix</source>
        <translation>重现并找出修复</translation>
    </message>
    <message>
        <source>Nothing to export yet: run the profile first</source>
        <translation>还没有可导出的内容：请先运行配置</translation>
    </message>
    <message>
        <source>A report&apos;s name ends in .md (Markdown) or .html (a page)</source>
        <translation>报告文件名须以 .md（Markdown）或 .html（页面）结尾</translation>
    </message>
    <message>
        <source>The picture could not be drawn</source>
        <translation>无法绘制图片</translation>
    </message>
    <message>
        <source>The profile has errors: fix them before exporting code</source>
        <translation>配置有错误：请在导出代码前修正</translation>
    </message>
</context>
<context>
    <name>corslab::gui::StringOrListEditor</name>
    <message>
        <source>text, sent as written</source>
        <translation>文本，按原样发送</translation>
    </message>
    <message>
        <source>list, joined with &quot;,&quot;</source>
        <translation>列表，以 &quot;,&quot; 连接</translation>
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
        <source>Show what each browser prints, what the page&apos;s connect_error holds, the notes and the fix as code</source>
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
        <source>Copy the Socket.IO server&apos;s JavaScript (with the fix, when there is one) to the clipboard</source>
        <translation>把 Socket.IO 服务器的 JavaScript 代码（有修复时包含修复）复制到剪贴板</translation>
    </message>
    <message>
        <source>Copy &amp;client code</source>
        <translation>复制客户端代码(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the page&apos;s io() call (with the fix, when there is one) to the clipboard</source>
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
        <source>Verdict &quot;%1&quot; in %2&apos;s rules</source>
        <translation>按 %2 的规则得出的结论 &quot;%1&quot;</translation>
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
        <source>The server answered, but %1&apos;s CORS check refused to hand the response to the page.</source>
        <translation>服务器已经作出响应，但 %1 的 CORS 检查拒绝把响应交给页面。</translation>
    </message>
    <message>
        <source>The browser let the response through, but the server said no: &quot;%1&quot;.</source>
        <translation>浏览器放行了响应，但服务器拒绝了连接：“%1”。</translation>
    </message>
    <message>
        <source>The connection failed without an answer the page could read (%1).</source>
        <translation>连接失败，页面没有拿到可读取的响应（%1）。</translation>
    </message>
    <message>
        <source>Nothing settled the connection before the client&apos;s timeout.</source>
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
        <source>%1&apos;s console says:</source>
        <translation>%1 控制台提示：</translation>
    </message>
    <message>
        <source>The page&apos;s connect_error handler gets:</source>
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
