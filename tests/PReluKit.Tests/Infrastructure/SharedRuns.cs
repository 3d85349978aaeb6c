using System.Collections.Concurrent;

namespace PReluKit.Tests.Infrastructure;

/// <summary>
/// A class fixture that runs each expensive piece of work (a CLI run, a notebook render, a script) once for all the tests of
/// a class — say, one that checks the files and one that opens the page in Chromium — and deletes its folder afterwards.
/// </summary>
public sealed class SharedRuns : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<(TempFolder Folder, object Result)>> _runs = new(StringComparer.Ordinal);

    /// <summary>The result of <paramref name="work"/> (given a fresh temp folder) for <paramref name="key"/>, run at most once.</summary>
    internal T Once<T>(string key, Func<TempFolder, T> work)
        where T : notnull
    {
        var run = _runs.GetOrAdd(key, _ => new Lazy<(TempFolder, object)>(() =>
        {
            var folder = new TempFolder();
            try
            {
                return (folder, work(folder));
            }
            catch
            {
                folder.Dispose();
                throw;
            }
        }));
        return (T)run.Value.Result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var run in _runs.Values.Where(r => r.IsValueCreated))
        {
            run.Value.Folder.Dispose();
        }
    }
}
