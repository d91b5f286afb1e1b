// A failed write stops the flow (the next step is not shown as if saved) but
// loses nothing: the answer is kept in memory and Try again writes it.
import { Button } from '../../../ui/Button';
import './StorageErrorPanel.css';

export function StorageErrorPanel({ message, onRetry, blocking }: { message: string; onRetry(): void; blocking: boolean }) {
  return (
    <div className="runner-storage-error" role="alert">
      <h2 className="runner-storage-error__title">{blocking ? 'Not saved yet' : 'Log not saved'}</h2>
      <p>{message}</p>
      <p>Your answer is kept on this screen{blocking ? ' and the next step will show once it is saved' : ''}.</p>
      <Button size="primary" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}
