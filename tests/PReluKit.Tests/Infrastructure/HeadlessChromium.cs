using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PReluKit.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, headless, driven over the DevTools protocol: opens a page, records console errors, uncaught
/// exceptions and every network request, evaluates script and takes full-page screenshots. Never downloads a browser.
/// </summary>
internal sealed partial class HeadlessChromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly Dictionary<int, TaskCompletionSource<JsonNode>> _pending = [];
    private readonly List<JsonNode> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _receiver;
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    public static bool IsInstalled => File.Exists(Executable);

    public IReadOnlyList<string> ConsoleErrors => Events("Runtime.consoleAPICalled").Where(e => (string?)e["type"] == "error")
        .Select(e => e["args"]?.ToJsonString() ?? "").Concat(Events("Log.entryAdded").Where(e => (string?)e["entry"]?["level"] == "error")
        .Select(e => (string?)e["entry"]?["text"] ?? "")).ToList();

    public IReadOnlyList<string> Exceptions => Events("Runtime.exceptionThrown").Select(e => e["exceptionDetails"]?.ToJsonString() ?? "").ToList();

    public IReadOnlyList<string> FailedRequests => Events("Network.loadingFailed").Select(e => $"{e["errorText"]} ({e["requestId"]})").ToList();

    public IReadOnlyList<string> RequestedUrls => Events("Network.requestWillBeSent").Select(e => (string?)e["request"]?["url"] ?? "").ToList();

    /// <summary>Starts Chromium; <paramref name="extraArguments"/> are added to its command line (e.g. to cut it off from any network).</summary>
    public static async Task<HeadlessChromium> StartAsync(params string[] extraArguments)
    {
        var profile = Directory.CreateTempSubdirectory("prelukit-chromium-").FullName;
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-extensions", "--hide-scrollbars",
            "--remote-debugging-port=0", "--window-size=1280,900", $"--user-data-dir={profile}", .. extraArguments, "about:blank",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var browser = new HeadlessChromium(process, profile);
        try
        {
            var endpoint = await browser.ReadDevToolsEndpointAsync();
            using var http = new HttpClient();
            var targets = JsonNode.Parse(await http.GetStringAsync(new Uri(endpoint, "/json/list")))!.AsArray();
            var page = targets.First(t => (string?)t!["type"] == "page")!;
            await browser._socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None);
            browser._receiver = Task.Run(browser.ReceiveLoopAsync);
            foreach (var domain in new[] { "Runtime", "Network", "Page", "Log" })
            {
                await browser.SendAsync($"{domain}.enable");
            }

            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Navigates and waits for the load event.</summary>
    public async Task OpenAsync(string path)
    {
        var loaded = Events("Page.loadEventFired").Count;
        await SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(Path.GetFullPath(path)).AbsoluteUri });
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Events("Page.loadEventFired").Count == loaded)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{path} did not finish loading in 60 s");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Runs <paramref name="script"/> (say, a click on a link) and waits for the page it leads to to load.</summary>
    public async Task NavigateByAsync(string script)
    {
        var loaded = Events("Page.loadEventFired").Count;
        await EvaluateAsync(script);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Events("Page.loadEventFired").Count == loaded)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no page loaded in 60 s after: {script}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Evaluates an expression in the page and returns its JSON value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        if (result["exceptionDetails"] is { } error)
        {
            throw new InvalidOperationException($"script failed: {error.ToJsonString()}");
        }

        return result["result"]?["value"];
    }

    /// <summary>Polls <paramref name="expression"/> until it is true or the time is up.</summary>
    public async Task<bool> WaitForAsync(string expression, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if ((await EvaluateAsync(expression))?.GetValue<bool>() == true)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    /// <summary>Shows pages at <paramref name="width"/> × <paramref name="height"/> CSS pixels, as a phone would (until the next screenshot).</summary>
    public async Task SetViewportAsync(int width, int height) =>
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = true,
        });

    /// <summary>Renders as for <paramref name="media"/> ("print", or "" for the screen) with the reader's colour scheme <paramref name="colorScheme"/> ("dark", "light").</summary>
    public async Task EmulateMediaAsync(string media, string colorScheme) =>
        await SendAsync("Emulation.setEmulatedMedia", new JsonObject
        {
            ["media"] = media,
            ["features"] = new JsonArray(new JsonObject { ["name"] = "prefers-color-scheme", ["value"] = colorScheme }),
        });

    /// <summary>Saves a PNG of the whole page.</summary>
    public async Task ScreenshotAsync(string path, int maxHeight = 12000)
    {
        var height = Math.Min(maxHeight, (int)(await EvaluateAsync("document.documentElement.scrollHeight"))!.GetValue<double>());
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
        {
            ["width"] = 1280, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false,
        });
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String((string)shot["data"]!));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // never started
        }

        _socket.Dispose();
        _process.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // chromium may still hold a file for a moment; the temp folder is cleaned by the OS eventually
        }
    }

    private List<JsonNode> Events(string method)
    {
        lock (_events)
        {
            return [.. _events.Where(e => (string?)e["method"] == method).Select(e => e["params"]!)];
        }
    }

    private async Task<Uri> ReadDevToolsEndpointAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var line = await _process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            if (line is null)
            {
                break;
            }

            if (DevToolsLine().Match(line) is { Success: true } match)
            {
                _ = _process.StandardError.ReadToEndAsync(); // keep draining so chromium never blocks on a full pipe
                return new Uri($"http://127.0.0.1:{match.Groups[1].Value}");
            }
        }

        throw new InvalidOperationException("chromium did not report a DevTools endpoint");
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_pending)
        {
            _pending[id] = reply;
        }

        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, _stop.Token);
        var response = await reply.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return response["error"] is { } error
            ? throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}")
            : response["result"] ?? new JsonObject();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[1 << 20];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var node = JsonNode.Parse(message.ToArray())!;
                message.SetLength(0);
                if (node["id"] is { } id)
                {
                    TaskCompletionSource<JsonNode>? reply;
                    lock (_pending)
                    {
                        _pending.Remove(id.GetValue<int>(), out reply);
                    }

                    reply?.TrySetResult(node);
                }
                else
                {
                    lock (_events)
                    {
                        _events.Add(node);
                    }
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or JsonException)
        {
            // closing
        }
    }

    [GeneratedRegex(@"DevTools listening on ws://[^:]+:(\d+)/")]
    private static partial Regex DevToolsLine();
}
