// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useDraft } from './use-draft';

afterEach(cleanup);

function Field({ stored }: { stored: string | undefined }) {
  const [text, setText] = useDraft(stored);
  return <input aria-label="field" value={text} onChange={(e) => setText(e.target.value)} />;
}

describe('useDraft', () => {
  it('fills the field with the stored value when it arrives after the first render', () => {
    const view = render(<Field stored={undefined} />);
    const input = view.getByLabelText('field') as HTMLInputElement;
    expect(input.value).toBe('');
    view.rerender(<Field stored="security@marketplace.example" />);
    expect(input.value).toBe('security@marketplace.example');
  });

  it('keeps what the seller typed when the stored value arrives late', () => {
    const view = render(<Field stored={undefined} />);
    const input = view.getByLabelText('field') as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'typed@example.com' } });
    view.rerender(<Field stored="" />);
    expect(input.value).toBe('typed@example.com');
    view.rerender(<Field stored="other@example.com" />);
    expect(input.value).toBe('typed@example.com');
  });
});
