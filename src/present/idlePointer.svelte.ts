/** Whether the pointer has rested for two seconds: a projector audience should not see it. */
export class IdlePointer {
  idle = $state(false);
  #timer = 0;

  /** Call on every pointer move. */
  wake = (): void => {
    this.idle = false;
    clearTimeout(this.#timer);
    this.#timer = window.setTimeout(() => (this.idle = true), 2000);
  };

  stop(): void {
    clearTimeout(this.#timer);
  }
}
