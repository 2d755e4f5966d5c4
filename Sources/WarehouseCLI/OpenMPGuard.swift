import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Tesseract's OpenMP regions run more threads than there are cores and make OCR 4–6× slower on
/// this kind of machine. libgomp reads OMP_THREAD_LIMIT in its constructor, before `main`, so
/// setting it now is too late: the process re-executes itself once with the variable set.
enum OpenMPGuard {
    static func ensureSingleThreaded() {
        guard getenv("OMP_THREAD_LIMIT") == nil else { return }
        setenv("OMP_THREAD_LIMIT", "1", 1)
        // If exec fails the process goes on, just slower.
        execv("/proc/self/exe", CommandLine.unsafeArgv)
    }
}
