// SagiGuard main-world hook (document_start, every frame). A page script's
// form.submit() fires no submit event, so the guard in the isolated world
// would never see it. This wraps HTMLFormElement.prototype.submit: it first
// dispatches a cancelable `sagiguard-form-submit` event on the form; the
// guard's window listener (registered before any page script) always cancels
// it and sends the form itself, at once or after the person's choice. Without
// the guard (extension disabled) nothing cancels it and the form is sent as
// before. Everything the wrapper uses is captured here, before page scripts
// run, so a page cannot redirect it; it exposes nothing but the wrapper.
(() => {
  const proto = HTMLFormElement.prototype;
  const native = proto.submit;
  const apply = Reflect.apply;
  const dispatch = EventTarget.prototype.dispatchEvent;
  const Event = CustomEvent;
  const wrapper = {
    submit() {
      const event = new Event('sagiguard-form-submit', { bubbles: true, composed: true, cancelable: true });
      if (apply(dispatch, this, [event])) apply(native, this, []);
    },
  }.submit;
  Reflect.defineProperty(proto, 'submit', { value: wrapper, writable: true, enumerable: true, configurable: true });
})();
