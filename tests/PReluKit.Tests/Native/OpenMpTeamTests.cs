using System.Collections.Concurrent;
using PReluKit.Native;
using static TorchSharp.torch;

namespace PReluKit.Tests.Native;

/// <summary>
/// Work on libtorch's OpenMP team: every item once, failures rethrown, small work on the calling thread, and blocks claimed as
/// threads come free, so a thread held up (as the scheduler holds one up on a busy machine) leaves the rest to the others.
/// </summary>
public class OpenMpTeamTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    public void For_runs_every_item_exactly_once(long count)
    {
        var runs = new int[count];
        OnTwoThreads(() => OpenMpTeam.For(count, 1, (start, end) =>
        {
            Assert.True(0 <= start && start < end && end <= count, $"block [{start}, {end}) outside [0, {count})");
            for (var i = start; i < end; i++)
            {
                Interlocked.Increment(ref runs[i]);
            }
        }));
        Assert.All(runs, r => Assert.Equal(1, r));
    }

    [Fact]
    public void A_thread_held_up_on_one_block_leaves_the_other_blocks_to_the_rest_of_the_team()
    {
        Assert.True(OpenMpTeam.IsAvailable, "libtorch's libgomp should be found on Linux x64");
        const long Count = 64;
        var byThread = new ConcurrentDictionary<int, int>();
        var heldUp = 0;
        OnTwoThreads(() => OpenMpTeam.For(Count, 1, (start, end) =>
        {
            if (Interlocked.Exchange(ref heldUp, 1) == 0)
            {
                Thread.Sleep(300); // the first block claimed stands for a thread the scheduler took away
            }

            byThread.AddOrUpdate(Environment.CurrentManagedThreadId, (int)(end - start), (_, n) => n + (int)(end - start));
        }));

        // A fixed split would give each of the two threads half of the items whatever happened to either.
        Assert.Equal(2, byThread.Count);
        Assert.Equal(Count, byThread.Values.Sum());
        Assert.True(byThread.Values.Max() > Count * 3 / 4, $"items per thread: {string.Join(", ", byThread.Values)}");
    }

    [Theory]
    [InlineData(64, 64, 1)]
    [InlineData(64, 33, 2)]
    [InlineData(64, 1, 2)]
    public void Like_libtorchs_parallel_for_it_uses_no_more_threads_than_there_are_grains_of_work(long count, long grain, int expectedThreads)
    {
        var threads = new ConcurrentDictionary<int, bool>();
        OnTwoThreads(() => OpenMpTeam.For(count, grain, (_, _) =>
        {
            threads[Environment.CurrentManagedThreadId] = true;
            Thread.Sleep(20); // long enough that a second thread, if the team has one, takes a block
        }));
        Assert.Equal(expectedThreads, threads.Count);
        if (expectedThreads == 1)
        {
            Assert.Equal(Environment.CurrentManagedThreadId, Assert.Single(threads.Keys));
        }
    }

    [Fact]
    public void The_grain_of_per_element_work_is_libtorchs_grain_size_in_items()
    {
        Assert.Equal(2, OpenMpTeam.GrainOf(16_384));
        Assert.Equal(41, OpenMpTeam.GrainOf(28 * 28));
        Assert.Equal(1, OpenMpTeam.GrainOf(1 << 20));
        Assert.Equal(OpenMpTeam.GrainElements, OpenMpTeam.GrainOf(0));
    }

    [Fact]
    public void A_failure_in_a_block_is_rethrown_to_the_caller()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => OnTwoThreads(() => OpenMpTeam.For(100, 1, (start, end) =>
        {
            if (start <= 50 && 50 < end)
            {
                throw new InvalidOperationException("item 50");
            }
        })));
        Assert.Equal("item 50", failure.Message);
    }

    private static void OnTwoThreads(Action action)
    {
        var threads = get_num_threads();
        try
        {
            set_num_threads(2);
            action();
        }
        finally
        {
            set_num_threads(threads);
        }
    }
}
