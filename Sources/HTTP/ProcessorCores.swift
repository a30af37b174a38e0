import CSystem

/// The cores this process may run on, which size its event loops and workers by default.
public enum ProcessorCores {
    /// The CPUs in the calling thread's affinity mask (`taskset`, `CPUAffinity=`, a container's cpuset),
    /// not every CPU online. Foundation's `activeProcessorCount` counts the machine's, so a process
    /// pinned to one core of eight started eight event loops taking turns on it, each request waiting
    /// out the others' time slices. Read at start-up on the main thread, whose mask is the process's.
    public static var available: Int {
        Int(max(1, gerbang_available_cores()))
    }
}
