let context: AudioContext | null = null;
// A resume() the browser blocks stays pending; one is enough, however many chimes are asked for meanwhile.
let isResuming = false;

/**
 * Two short soft tones. Browsers only let a page make sound after a click unless started with
 * `--autoplay-policy=no-user-gesture-required`; without that this stays silent and never throws.
 */
export function playChime(): void {
  try {
    context ??= new AudioContext();
    const audio = context;
    const start = () => {
      const t0 = audio.currentTime + 0.02;
      [880, 660].forEach((frequency, index) => {
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        const at = t0 + index * 0.28;
        oscillator.type = "sine";
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0, at);
        gain.gain.linearRampToValueAtTime(0.25, at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.001, at + 0.25);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(at);
        oscillator.stop(at + 0.26);
      });
    };
    if (audio.state !== "suspended") {
      start();
    } else if (!isResuming) {
      isResuming = true;
      void audio.resume().then(start, () => undefined).finally(() => {
        isResuming = false;
      });
    }
  } catch {
    // No audio device or no Web Audio: the highlight on screen still shows what is new.
  }
}
