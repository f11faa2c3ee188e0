/**
 */
package io.mechanist.model.impl;

import io.mechanist.model.Capture;
import io.mechanist.model.CaptureStatus;
import io.mechanist.model.Dataset;
import io.mechanist.model.HookSiteRef;
import io.mechanist.model.MechanistPackage;
import io.mechanist.model.ModelRef;
import io.mechanist.model.PositionSelection;
import io.mechanist.model.Provenance;
import io.mechanist.model.Shard;
import io.mechanist.model.StorageType;

import java.util.Collection;
import java.util.Date;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;

import org.eclipse.emf.ecore.util.EObjectContainmentEList;
import org.eclipse.emf.ecore.util.InternalEList;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Capture</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.impl.CaptureImpl#getModel <em>Model</em>}</li>
 *   <li>{@link io.mechanist.model.impl.CaptureImpl#getDataset <em>Dataset</em>}</li>
 *   <li>{@link io.mechanist.model.impl.CaptureImpl#getSites <em>Sites</em>}</li>
 *   <li>{@link io.mechanist.model.impl.CaptureImpl#getPositions <em>Positions</em>}</li>
 *   <li>{@link io.mechanist.model.impl.CaptureImpl#getStorageType <em>Storage Type</em>}</li>
 *   <li>{@link io.mechanist.model.impl.CaptureImpl#getStatus <em>Status</em>}</li>
 *   <li>{@link io.mechanist.model.impl.CaptureImpl#getCompletedAt <em>Completed At</em>}</li>
 *   <li>{@link io.mechanist.model.impl.CaptureImpl#getFolder <em>Folder</em>}</li>
 *   <li>{@link io.mechanist.model.impl.CaptureImpl#getPlannedPrompts <em>Planned Prompts</em>}</li>
 *   <li>{@link io.mechanist.model.impl.CaptureImpl#getShards <em>Shards</em>}</li>
 *   <li>{@link io.mechanist.model.impl.CaptureImpl#getProvenance <em>Provenance</em>}</li>
 * </ul>
 *
 * @generated
 */
public class CaptureImpl extends IdentifiedImpl implements Capture {
	/**
	 * The cached value of the '{@link #getModel() <em>Model</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getModel()
	 * @generated
	 * @ordered
	 */
	protected ModelRef model;

	/**
	 * The cached value of the '{@link #getDataset() <em>Dataset</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDataset()
	 * @generated
	 * @ordered
	 */
	protected Dataset dataset;

	/**
	 * The cached value of the '{@link #getSites() <em>Sites</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSites()
	 * @generated
	 * @ordered
	 */
	protected EList<HookSiteRef> sites;

	/**
	 * The cached value of the '{@link #getPositions() <em>Positions</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPositions()
	 * @generated
	 * @ordered
	 */
	protected PositionSelection positions;

	/**
	 * The default value of the '{@link #getStorageType() <em>Storage Type</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getStorageType()
	 * @generated
	 * @ordered
	 */
	protected static final StorageType STORAGE_TYPE_EDEFAULT = StorageType.F32;

	/**
	 * The cached value of the '{@link #getStorageType() <em>Storage Type</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getStorageType()
	 * @generated
	 * @ordered
	 */
	protected StorageType storageType = STORAGE_TYPE_EDEFAULT;

	/**
	 * The default value of the '{@link #getStatus() <em>Status</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getStatus()
	 * @generated
	 * @ordered
	 */
	protected static final CaptureStatus STATUS_EDEFAULT = CaptureStatus.INCOMPLETE;

	/**
	 * The cached value of the '{@link #getStatus() <em>Status</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getStatus()
	 * @generated
	 * @ordered
	 */
	protected CaptureStatus status = STATUS_EDEFAULT;

	/**
	 * The default value of the '{@link #getCompletedAt() <em>Completed At</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCompletedAt()
	 * @generated
	 * @ordered
	 */
	protected static final Date COMPLETED_AT_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getCompletedAt() <em>Completed At</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCompletedAt()
	 * @generated
	 * @ordered
	 */
	protected Date completedAt = COMPLETED_AT_EDEFAULT;

	/**
	 * The default value of the '{@link #getFolder() <em>Folder</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFolder()
	 * @generated
	 * @ordered
	 */
	protected static final String FOLDER_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getFolder() <em>Folder</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFolder()
	 * @generated
	 * @ordered
	 */
	protected String folder = FOLDER_EDEFAULT;

	/**
	 * The default value of the '{@link #getPlannedPrompts() <em>Planned Prompts</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPlannedPrompts()
	 * @generated
	 * @ordered
	 */
	protected static final int PLANNED_PROMPTS_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getPlannedPrompts() <em>Planned Prompts</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPlannedPrompts()
	 * @generated
	 * @ordered
	 */
	protected int plannedPrompts = PLANNED_PROMPTS_EDEFAULT;

	/**
	 * The cached value of the '{@link #getShards() <em>Shards</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getShards()
	 * @generated
	 * @ordered
	 */
	protected EList<Shard> shards;

	/**
	 * The cached value of the '{@link #getProvenance() <em>Provenance</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getProvenance()
	 * @generated
	 * @ordered
	 */
	protected Provenance provenance;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected CaptureImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return MechanistPackage.Literals.CAPTURE;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public ModelRef getModel() {
		if (model != null && model.eIsProxy()) {
			InternalEObject oldModel = (InternalEObject)model;
			model = (ModelRef)eResolveProxy(oldModel);
			if (model != oldModel) {
				if (eNotificationRequired())
					eNotify(new ENotificationImpl(this, Notification.RESOLVE, MechanistPackage.CAPTURE__MODEL, oldModel, model));
			}
		}
		return model;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public ModelRef basicGetModel() {
		return model;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setModel(ModelRef newModel) {
		ModelRef oldModel = model;
		model = newModel;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.CAPTURE__MODEL, oldModel, model));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Dataset getDataset() {
		if (dataset != null && dataset.eIsProxy()) {
			InternalEObject oldDataset = (InternalEObject)dataset;
			dataset = (Dataset)eResolveProxy(oldDataset);
			if (dataset != oldDataset) {
				if (eNotificationRequired())
					eNotify(new ENotificationImpl(this, Notification.RESOLVE, MechanistPackage.CAPTURE__DATASET, oldDataset, dataset));
			}
		}
		return dataset;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public Dataset basicGetDataset() {
		return dataset;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setDataset(Dataset newDataset) {
		Dataset oldDataset = dataset;
		dataset = newDataset;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.CAPTURE__DATASET, oldDataset, dataset));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<HookSiteRef> getSites() {
		if (sites == null) {
			sites = new EObjectContainmentEList<HookSiteRef>(HookSiteRef.class, this, MechanistPackage.CAPTURE__SITES);
		}
		return sites;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public PositionSelection getPositions() {
		return positions;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetPositions(PositionSelection newPositions, NotificationChain msgs) {
		PositionSelection oldPositions = positions;
		positions = newPositions;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, MechanistPackage.CAPTURE__POSITIONS, oldPositions, newPositions);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPositions(PositionSelection newPositions) {
		if (newPositions != positions) {
			NotificationChain msgs = null;
			if (positions != null)
				msgs = ((InternalEObject)positions).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - MechanistPackage.CAPTURE__POSITIONS, null, msgs);
			if (newPositions != null)
				msgs = ((InternalEObject)newPositions).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - MechanistPackage.CAPTURE__POSITIONS, null, msgs);
			msgs = basicSetPositions(newPositions, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.CAPTURE__POSITIONS, newPositions, newPositions));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public StorageType getStorageType() {
		return storageType;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setStorageType(StorageType newStorageType) {
		StorageType oldStorageType = storageType;
		storageType = newStorageType == null ? STORAGE_TYPE_EDEFAULT : newStorageType;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.CAPTURE__STORAGE_TYPE, oldStorageType, storageType));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public CaptureStatus getStatus() {
		return status;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setStatus(CaptureStatus newStatus) {
		CaptureStatus oldStatus = status;
		status = newStatus == null ? STATUS_EDEFAULT : newStatus;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.CAPTURE__STATUS, oldStatus, status));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Date getCompletedAt() {
		return completedAt;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setCompletedAt(Date newCompletedAt) {
		Date oldCompletedAt = completedAt;
		completedAt = newCompletedAt;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.CAPTURE__COMPLETED_AT, oldCompletedAt, completedAt));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getFolder() {
		return folder;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setFolder(String newFolder) {
		String oldFolder = folder;
		folder = newFolder;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.CAPTURE__FOLDER, oldFolder, folder));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getPlannedPrompts() {
		return plannedPrompts;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPlannedPrompts(int newPlannedPrompts) {
		int oldPlannedPrompts = plannedPrompts;
		plannedPrompts = newPlannedPrompts;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.CAPTURE__PLANNED_PROMPTS, oldPlannedPrompts, plannedPrompts));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Shard> getShards() {
		if (shards == null) {
			shards = new EObjectContainmentEList<Shard>(Shard.class, this, MechanistPackage.CAPTURE__SHARDS);
		}
		return shards;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Provenance getProvenance() {
		return provenance;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetProvenance(Provenance newProvenance, NotificationChain msgs) {
		Provenance oldProvenance = provenance;
		provenance = newProvenance;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, MechanistPackage.CAPTURE__PROVENANCE, oldProvenance, newProvenance);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setProvenance(Provenance newProvenance) {
		if (newProvenance != provenance) {
			NotificationChain msgs = null;
			if (provenance != null)
				msgs = ((InternalEObject)provenance).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - MechanistPackage.CAPTURE__PROVENANCE, null, msgs);
			if (newProvenance != null)
				msgs = ((InternalEObject)newProvenance).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - MechanistPackage.CAPTURE__PROVENANCE, null, msgs);
			msgs = basicSetProvenance(newProvenance, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.CAPTURE__PROVENANCE, newProvenance, newProvenance));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case MechanistPackage.CAPTURE__SITES:
				return ((InternalEList<?>)getSites()).basicRemove(otherEnd, msgs);
			case MechanistPackage.CAPTURE__POSITIONS:
				return basicSetPositions(null, msgs);
			case MechanistPackage.CAPTURE__SHARDS:
				return ((InternalEList<?>)getShards()).basicRemove(otherEnd, msgs);
			case MechanistPackage.CAPTURE__PROVENANCE:
				return basicSetProvenance(null, msgs);
		}
		return super.eInverseRemove(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case MechanistPackage.CAPTURE__MODEL:
				if (resolve) return getModel();
				return basicGetModel();
			case MechanistPackage.CAPTURE__DATASET:
				if (resolve) return getDataset();
				return basicGetDataset();
			case MechanistPackage.CAPTURE__SITES:
				return getSites();
			case MechanistPackage.CAPTURE__POSITIONS:
				return getPositions();
			case MechanistPackage.CAPTURE__STORAGE_TYPE:
				return getStorageType();
			case MechanistPackage.CAPTURE__STATUS:
				return getStatus();
			case MechanistPackage.CAPTURE__COMPLETED_AT:
				return getCompletedAt();
			case MechanistPackage.CAPTURE__FOLDER:
				return getFolder();
			case MechanistPackage.CAPTURE__PLANNED_PROMPTS:
				return getPlannedPrompts();
			case MechanistPackage.CAPTURE__SHARDS:
				return getShards();
			case MechanistPackage.CAPTURE__PROVENANCE:
				return getProvenance();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case MechanistPackage.CAPTURE__MODEL:
				setModel((ModelRef)newValue);
				return;
			case MechanistPackage.CAPTURE__DATASET:
				setDataset((Dataset)newValue);
				return;
			case MechanistPackage.CAPTURE__SITES:
				getSites().clear();
				getSites().addAll((Collection<? extends HookSiteRef>)newValue);
				return;
			case MechanistPackage.CAPTURE__POSITIONS:
				setPositions((PositionSelection)newValue);
				return;
			case MechanistPackage.CAPTURE__STORAGE_TYPE:
				setStorageType((StorageType)newValue);
				return;
			case MechanistPackage.CAPTURE__STATUS:
				setStatus((CaptureStatus)newValue);
				return;
			case MechanistPackage.CAPTURE__COMPLETED_AT:
				setCompletedAt((Date)newValue);
				return;
			case MechanistPackage.CAPTURE__FOLDER:
				setFolder((String)newValue);
				return;
			case MechanistPackage.CAPTURE__PLANNED_PROMPTS:
				setPlannedPrompts((Integer)newValue);
				return;
			case MechanistPackage.CAPTURE__SHARDS:
				getShards().clear();
				getShards().addAll((Collection<? extends Shard>)newValue);
				return;
			case MechanistPackage.CAPTURE__PROVENANCE:
				setProvenance((Provenance)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case MechanistPackage.CAPTURE__MODEL:
				setModel((ModelRef)null);
				return;
			case MechanistPackage.CAPTURE__DATASET:
				setDataset((Dataset)null);
				return;
			case MechanistPackage.CAPTURE__SITES:
				getSites().clear();
				return;
			case MechanistPackage.CAPTURE__POSITIONS:
				setPositions((PositionSelection)null);
				return;
			case MechanistPackage.CAPTURE__STORAGE_TYPE:
				setStorageType(STORAGE_TYPE_EDEFAULT);
				return;
			case MechanistPackage.CAPTURE__STATUS:
				setStatus(STATUS_EDEFAULT);
				return;
			case MechanistPackage.CAPTURE__COMPLETED_AT:
				setCompletedAt(COMPLETED_AT_EDEFAULT);
				return;
			case MechanistPackage.CAPTURE__FOLDER:
				setFolder(FOLDER_EDEFAULT);
				return;
			case MechanistPackage.CAPTURE__PLANNED_PROMPTS:
				setPlannedPrompts(PLANNED_PROMPTS_EDEFAULT);
				return;
			case MechanistPackage.CAPTURE__SHARDS:
				getShards().clear();
				return;
			case MechanistPackage.CAPTURE__PROVENANCE:
				setProvenance((Provenance)null);
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case MechanistPackage.CAPTURE__MODEL:
				return model != null;
			case MechanistPackage.CAPTURE__DATASET:
				return dataset != null;
			case MechanistPackage.CAPTURE__SITES:
				return sites != null && !sites.isEmpty();
			case MechanistPackage.CAPTURE__POSITIONS:
				return positions != null;
			case MechanistPackage.CAPTURE__STORAGE_TYPE:
				return storageType != STORAGE_TYPE_EDEFAULT;
			case MechanistPackage.CAPTURE__STATUS:
				return status != STATUS_EDEFAULT;
			case MechanistPackage.CAPTURE__COMPLETED_AT:
				return COMPLETED_AT_EDEFAULT == null ? completedAt != null : !COMPLETED_AT_EDEFAULT.equals(completedAt);
			case MechanistPackage.CAPTURE__FOLDER:
				return FOLDER_EDEFAULT == null ? folder != null : !FOLDER_EDEFAULT.equals(folder);
			case MechanistPackage.CAPTURE__PLANNED_PROMPTS:
				return plannedPrompts != PLANNED_PROMPTS_EDEFAULT;
			case MechanistPackage.CAPTURE__SHARDS:
				return shards != null && !shards.isEmpty();
			case MechanistPackage.CAPTURE__PROVENANCE:
				return provenance != null;
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (storageType: ");
		result.append(storageType);
		result.append(", status: ");
		result.append(status);
		result.append(", completedAt: ");
		result.append(completedAt);
		result.append(", folder: ");
		result.append(folder);
		result.append(", plannedPrompts: ");
		result.append(plannedPrompts);
		result.append(')');
		return result.toString();
	}

} //CaptureImpl
