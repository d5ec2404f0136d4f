//! Thread CPU time as a criterion measurement, for the benches that report it beside wall-clock
//! time: on a shared, loaded machine it reflects one core's work rather than how often the
//! scheduler ran the benchmark.

use std::time::Duration;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};

/// The benchmark thread's CPU time. Values are nanoseconds, like [`WallTime`], whose formatter
/// (and so throughput display) it reuses.
pub struct ThreadCpuTime {
    wall: WallTime,
}

impl Default for ThreadCpuTime {
    fn default() -> Self {
        ThreadCpuTime { wall: WallTime }
    }
}

impl ThreadCpuTime {
    fn now() -> Duration {
        let mut spec = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `spec` is a valid, writable timespec; the clock id is a libc constant.
        let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut spec) };
        assert_eq!(status, 0, "the thread CPU clock is readable");
        Duration::new(spec.tv_sec as u64, spec.tv_nsec as u32)
    }
}

impl Measurement for ThreadCpuTime {
    type Intermediate = Duration;
    type Value = Duration;

    fn start(&self) -> Duration {
        Self::now()
    }
    fn end(&self, start: Duration) -> Duration {
        Self::now().saturating_sub(start)
    }
    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }
    fn zero(&self) -> Duration {
        Duration::ZERO
    }
    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_nanos() as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        self.wall.formatter()
    }
}

/// Defines a bench's `main`: `$bench(c, label)` measured once in wall-clock time (what a user
/// waits for) under `$wall_label`, and once in the benchmark thread's CPU time (one core's
/// work, robust to a loaded machine) under `$cpu_label`.
#[macro_export]
macro_rules! wall_and_cpu_main {
    ($bench:path, $wall_label:expr, $cpu_label:expr) => {
        fn wall_clock(c: &mut criterion::Criterion) {
            $bench(c, $wall_label);
        }

        fn cpu_time(c: &mut criterion::Criterion<$crate::cpu_time::ThreadCpuTime>) {
            $bench(c, $cpu_label);
        }

        criterion::criterion_group!(wall, wall_clock);
        criterion::criterion_group! {
            name = cpu;
            config = criterion::Criterion::default()
                .with_measurement($crate::cpu_time::ThreadCpuTime::default());
            targets = cpu_time
        }
        criterion::criterion_main!(wall, cpu);
    };
}
