namespace Ledger.Extraction;

/// <summary>
/// Runs one piece of work per input on several threads and hands the results back in the inputs'
/// order, as each becomes ready: a folder is read on every core and still printed as one core
/// would print it, file by file.
/// </summary>
internal static class InOrder
{
    /// <summary>How many inputs may be started ahead of the one being handed back, per worker.</summary>
    // Two per worker keep every core busy while a long document holds up the head of the line;
    // more would only hold more documents in memory at once.
    private const int AheadPerWorker = 2;

    /// <summary>
    /// <paramref name="work"/> applied to each input, yielded in the inputs' order. At most
    /// <paramref name="workers"/> × 2 inputs are in flight or waiting to be taken, so memory is
    /// bounded by the largest inputs, not by how many there are. An exception thrown by the work
    /// surfaces when its result is reached.
    /// </summary>
    public static IEnumerable<TResult> Select<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> work, int workers)
    {
        if (workers <= 1 || inputs.Count <= 1)
        {
            foreach (var input in inputs) yield return work(input);
            yield break;
        }
        var window = workers * AheadPerWorker;
        var inFlight = new Queue<Task<TResult>>(window);
        var next = 0;
        try
        {
            while (next < inputs.Count || inFlight.Count > 0)
            {
                while (inFlight.Count < window && next < inputs.Count)
                {
                    var input = inputs[next++];
                    inFlight.Enqueue(Task.Run(() => work(input)));
                }
                yield return inFlight.Dequeue().GetAwaiter().GetResult();
            }
        }
        finally
        {
            // A reader that stops early (or a failure) leaves no work running behind its back.
            foreach (var task in inFlight)
            {
                try { task.Wait(); }
                catch (AggregateException) { }
            }
        }
    }
}
