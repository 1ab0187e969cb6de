import { useNavigate } from 'react-router-dom';
import { clearAllFormDrafts } from '../device/form-drafts';
import { useLogOut } from '../queries/auth';
import { withFlash } from './flash';
import { paths } from './paths';

/** Log out (on the server when it answers, on this device always), then go to the start page. */
export function useLogOutAndLeave() {
  const navigate = useNavigate();
  const logOut = useLogOut({
    leave: async () => {
      clearAllFormDrafts();
      await navigate(paths.home(), { state: withFlash('loggedOut') });
    },
  });
  return { run: () => logOut.mutate(), pending: logOut.isPending };
}
