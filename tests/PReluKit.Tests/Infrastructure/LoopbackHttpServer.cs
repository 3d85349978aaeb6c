using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PReluKit.Tests.Infrastructure;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 for download tests. Each request for /NAME is answered with the bytes
/// registered for NAME; a file marked as dropped announces its full length, sends half and closes the connection; in
/// silent mode every connection is accepted and read, and never answered.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Dictionary<string, (byte[] Body, bool Drop)> _files = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackHttpServer()
    {
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Requests { get; private set; }

    /// <summary>Accept and read requests, answer nothing (a server that hangs).</summary>
    public bool Silent { get; set; }

    public void Serve(string name, byte[] body, bool dropHalfway = false)
    {
        lock (_files)
        {
            _files[name] = (body, dropHalfway);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopping
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            var requestLine = await reader.ReadLineAsync() ?? "";
            while (!string.IsNullOrEmpty(await reader.ReadLineAsync()))
            {
                // skip headers
            }

            Requests++;
            if (Silent)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            var name = requestLine.Split(' ') is [_, var target, ..] ? target.TrimStart('/') : "";
            (byte[] Body, bool Drop) file;
            bool found;
            lock (_files)
            {
                found = _files.TryGetValue(name, out file);
            }

            if (!found)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
                return;
            }

            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {file.Body.Length}\r\nConnection: close\r\n\r\n"));
            var length = file.Drop ? file.Body.Length / 2 : file.Body.Length;
            await stream.WriteAsync(file.Body.AsMemory(0, length));
            await stream.FlushAsync();
            if (file.Drop)
            {
                client.Client.LingerState = new LingerOption(true, 0); // reset, not a graceful close
            }
        }
    }
}
